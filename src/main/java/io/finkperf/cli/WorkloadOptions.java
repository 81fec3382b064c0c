package io.finkperf.cli;

import io.finkperf.registry.ModuleRegistry;
import io.finkperf.registry.ModuleSpec;
import io.finkperf.registry.RegistryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Which modules run on which alerts: shared by every command that runs modules. */
public final class WorkloadOptions {

    @Option(names = "--science-dir") Path scienceDir;
    @Option(names = "--registry") Path registry;
    @Option(names = "--modules", defaultValue = "all") String modules;
    @Option(names = "--data") Path data;
    @Option(names = "--survey", defaultValue = "ztf") String survey;
    @Option(names = "--n-alerts", defaultValue = "0") long nAlerts;
    @Option(names = "--chunk-rows", defaultValue = "10000") int chunkRows;

    void validate() {
        if (nAlerts < 0) {
            throw new FinkPerfException(ExitCode.USAGE, "--n-alerts must be >= 0, got " + nAlerts);
        }
        if (chunkRows < 1) {
            throw new FinkPerfException(ExitCode.USAGE, "--chunk-rows must be >= 1, got " + chunkRows);
        }
        if (!survey.equals("ztf") && !survey.equals("rubin")) {
            throw new FinkPerfException(ExitCode.USAGE, "--survey must be ztf or rubin, got '" + survey + "'");
        }
    }

    Path science() {
        Path science = scienceDir == null ? FinkPerfHome.examplesScience() : scienceDir;
        if (!Files.isDirectory(science)) {
            throw new FinkPerfException(ExitCode.USAGE, "--science-dir " + science + " is not a folder");
        }
        return science.toAbsolutePath();
    }

    /** The registry named by --registry, or the default one for the science dir and survey; checked against --survey. */
    ModuleRegistry loadRegistry() {
        Path file = registry != null ? registry
                : FinkPerfHome.registry((FinkPerfHome.sameDir(science(), FinkPerfHome.examplesScience()) ? "examples-" : "")
                + survey + ".yaml");
        return checked(RegistryLoader.load(file));
    }

    /** {@code reg}, refused when it is for another survey than --survey. */
    ModuleRegistry checked(ModuleRegistry reg) {
        if (!reg.survey().equals(survey)) {
            throw new FinkPerfException(ExitCode.REGISTRY, reg.source() + " is for survey '" + reg.survey()
                    + "', not --survey " + survey);
        }
        return reg;
    }

    List<ModuleSpec> select(ModuleRegistry reg) {
        return reg.select(modules);
    }

    Path dataPath() {
        return data == null ? FinkPerfHome.defaultData(survey) : data;
    }
}
