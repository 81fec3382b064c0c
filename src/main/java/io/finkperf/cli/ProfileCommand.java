package io.finkperf.cli;

import io.finkperf.engine.ConsoleProgress;
import io.finkperf.energy.CarbonIntensity;
import io.finkperf.energy.EnergySettings;
import io.finkperf.engine.ProfileEngine;
import io.finkperf.engine.ProfileRequest;
import io.finkperf.registry.ModuleRegistry;
import io.finkperf.registry.RegistryLoader;
import io.finkperf.report.ReportWriter;
import io.finkperf.report.Reports;
import io.finkperf.results.RunResults;
import io.finkperf.runner.ModuleRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Profile science modules on real alerts: throughput, per-loop timings, peak memory, line profile.",
                "With no options: the bundled example modules on the bundled ZTF alerts."},
        footer = {"", "Writes results.json (raw samples, environment), line_profile_<module>.txt and reports into --output,",
                "updated after every module so a crash keeps what finished."})
public final class ProfileCommand implements Callable<Integer> {

    @Option(names = "--science-dir", description = "A fink-science checkout or any folder with its layout (default: the bundled examples).")
    Path scienceDir;

    @Option(names = "--registry", description = "Module registry file (default: registry/examples-<survey>.yaml for the examples, registry/<survey>.yaml otherwise).")
    Path registry;

    @Option(names = "--modules", defaultValue = "all", description = "Comma-separated module names, or 'all' (default: ${DEFAULT-VALUE}).")
    String modules;

    @Option(names = "--data", description = "Parquet file or folder of parquet parts (default: the bundled sample of the survey).")
    Path data;

    @Option(names = "--survey", defaultValue = "ztf", description = "ztf or rubin (default: ${DEFAULT-VALUE}).")
    String survey;

    @Option(names = "--n-alerts", defaultValue = "0", description = "Sample or replicate the data to exactly N alerts, deterministically (default: all, as is).")
    long nAlerts;

    @Option(names = "--loops", defaultValue = "5", description = "Measured loops per module (default: ${DEFAULT-VALUE}).")
    int loops;

    @Option(names = "--warmup", defaultValue = "1", description = "Warm-up loops, not measured (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--timeout", defaultValue = "10m", converter = DurationConverter.class,
            description = "Wall-clock limit per module, e.g. 90s, 10m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--chunk-rows", defaultValue = "10000",
            description = "Alerts per call, as Spark's Arrow batch size (default: ${DEFAULT-VALUE}).")
    int chunkRows;

    @Option(names = "--no-line-profile", negatable = false, description = "Skip the line_profiler pass.")
    boolean noLineProfile;

    @Option(names = {"-o", "--output"}, defaultValue = "fink-perf-report", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--quiet", description = "Hide the modules' own output.")
    boolean quiet;

    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    @Option(names = "--pue", defaultValue = "1.25", description = "Data-centre PUE for CO2 (default: ${DEFAULT-VALUE}).")
    double pue;

    @Option(names = "--country", defaultValue = "FR", description = "Grid carbon intensity: FR, DE, GB, US or WORLD (default: ${DEFAULT-VALUE}; see docs/energy.md).")
    String country;

    @Option(names = "--intensity", description = "Grid carbon intensity in gCO2eq/kWh; overrides --country.")
    Double intensity;

    @Option(names = "--alerts-per-night", defaultValue = "200000", description = "Alerts a night, to scale CO2 (default: ${DEFAULT-VALUE}).")
    double alertsPerNight;

    @Option(names = "--nights-per-year", defaultValue = "300", description = "Observing nights a year (default: ${DEFAULT-VALUE}).")
    double nightsPerYear;

    @Mixin
    RunnerOptions runnerOptions;

    @Override
    public Integer call() {
        validate();
        Path science = scienceDir == null ? FinkPerfHome.examplesScience() : scienceDir;
        if (!Files.isDirectory(science)) {
            throw new FinkPerfException(ExitCode.USAGE, "--science-dir " + science + " is not a folder");
        }
        Path registryFile = registry != null ? registry
                : FinkPerfHome.registry((FinkPerfHome.sameDir(science, FinkPerfHome.examplesScience()) ? "examples-" : "")
                + survey + ".yaml");
        ModuleRegistry reg = RegistryLoader.load(registryFile);
        if (!reg.survey().equals(survey)) {
            throw new FinkPerfException(ExitCode.REGISTRY, registryFile + " is for survey '" + reg.survey()
                    + "', not --survey " + survey);
        }
        Path dataPath = data == null ? FinkPerfHome.defaultData(survey) : data;
        ProfileRequest req = new ProfileRequest(reg, reg.select(modules), science.toAbsolutePath(), dataPath, survey,
                nAlerts, warmup, loops, chunkRows, timeout, !noLineProfile, output.toAbsolutePath());
        List<ReportWriter> writers = Reports.incremental();
        ConsoleProgress progress = new ConsoleProgress(System.err, !quiet);
        RunResults results;
        try (ModuleRunner runner = runnerOptions.create()) {
            results = new ProfileEngine(runner, progress, (soFar, m) -> writeAll(writers, soFar), energySettings()).run(req);
        }
        writeAll(Reports.all(), results);
        System.out.println(Reports.consoleSummary(results, output));
        return ExceptionMapper.exitCodeOf(results).code();
    }

    private void writeAll(List<ReportWriter> writers, RunResults results) {
        for (ReportWriter w : writers) {
            try {
                w.write(results, output);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write report into " + output, e);
            }
        }
    }

    private EnergySettings energySettings() {
        try {
            return EnergySettings.defaults().withPue(pue)
                    .withIntensity(intensity != null ? CarbonIntensity.custom(intensity) : CarbonIntensity.of(country))
                    .withAlertsPerNight(alertsPerNight).withNightsPerYear(nightsPerYear);
        } catch (IllegalArgumentException e) {
            throw new FinkPerfException(ExitCode.USAGE, e.getMessage());
        }
    }

    private void validate() {
        if (loops < 1) {
            throw new FinkPerfException(ExitCode.USAGE, "--loops must be >= 1, got " + loops);
        }
        if (warmup < 0) {
            throw new FinkPerfException(ExitCode.USAGE, "--warmup must be >= 0, got " + warmup);
        }
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
}
