package io.finkperf.runner;

import io.finkperf.base.Checks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the Python driver needs to run one module (the {@code fink-perf-driver/1} SPEC.json,
 * see ARCHITECTURE.md). Paths are host paths; a runner that moves the work elsewhere (a container)
 * rewrites them with {@link #relocate}.
 *
 * @param saveOutputDir where the driver writes the module output as a one-column batch, or null
 * @param call          "pandas_udf" (Series in, Series out) or "udf" (called once per row)
 * @param energyBaselineMaxS longest idle baseline the driver runs for energy, in s (null: the driver's 60 s)
 * @param scale         null for a profiling run; else the driver measures how the cost grows
 */
public record DriverSpec(
        String module,
        String entry,
        Path scienceDir,
        Path batchDir,
        List<DriverArg> args,
        int warmup,
        int loops,
        boolean lineProfile,
        Path resultFile,
        Path saveOutputDir,
        String outputColumn,
        Duration timeout,
        String call,
        Double energyBaselineMaxS,
        ScaleSpec scale) {

    public DriverSpec(String module, String entry, Path scienceDir, Path batchDir, List<DriverArg> args, int warmup, int loops,
                      boolean lineProfile, Path resultFile, Path saveOutputDir, String outputColumn, Duration timeout, String call,
                      Double energyBaselineMaxS) {
        this(module, entry, scienceDir, batchDir, args, warmup, loops, lineProfile, resultFile, saveOutputDir, outputColumn,
                timeout, call, energyBaselineMaxS, null);
    }

    public DriverSpec(String module, String entry, Path scienceDir, Path batchDir, List<DriverArg> args, int warmup, int loops,
                      boolean lineProfile, Path resultFile, Path saveOutputDir, String outputColumn, Duration timeout, String call) {
        this(module, entry, scienceDir, batchDir, args, warmup, loops, lineProfile, resultFile, saveOutputDir, outputColumn,
                timeout, call, null, null);
    }

    public DriverSpec {
        args = List.copyOf(args);
        Checks.atLeast("loops", loops, 1);
        Checks.atLeast("warmup", warmup, 0);
    }

    public DriverSpec relocate(Path science, Path batch, Path result, Path saveOutput) {
        return new DriverSpec(module, entry, science, batch, args, warmup, loops, lineProfile,
                result, saveOutput, outputColumn, timeout, call, energyBaselineMaxS, scale);
    }
}
