package io.finkperf.engine;

import io.finkperf.data.StratifiedSample;
import io.finkperf.registry.ModuleRegistry;
import io.finkperf.registry.ModuleSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What to profile, on which data, how many times, and where to write. */
public record ProfileRequest(
        ModuleRegistry registry,
        List<ModuleSpec> modules,
        Path scienceDir,
        Path dataPath,
        String survey,
        long nAlerts,
        int warmup,
        int loops,
        int chunkRows,
        Duration timeout,
        boolean lineProfile,
        Path outputDir,
        StratifiedSample sample) {

    public ProfileRequest {
        modules = List.copyOf(modules);
    }

    /** Without a stratified sample (null: the alerts as they are). */
    public ProfileRequest(ModuleRegistry registry, List<ModuleSpec> modules, Path scienceDir, Path dataPath, String survey,
            long nAlerts, int warmup, int loops, int chunkRows, Duration timeout, boolean lineProfile, Path outputDir) {
        this(registry, modules, scienceDir, dataPath, survey, nAlerts, warmup, loops, chunkRows, timeout, lineProfile,
                outputDir, null);
    }

    public Path workDir() {
        return outputDir.resolve(".work");
    }
}
