package io.finkperf.engine;

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
        Path outputDir) {

    public ProfileRequest {
        modules = List.copyOf(modules);
    }

    public Path workDir() {
        return outputDir.resolve(".work");
    }
}
