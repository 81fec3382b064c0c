package io.finkperf.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How long each module runs: loops, warm-up and the time limit, with each command's own defaults. */
public final class RunLengthOptions {

    @Option(names = "--loops", description = "Measured loops per module (default: ${DEFAULT-VALUE}).")
    int loops;

    @Option(names = "--warmup", description = "Warm-up loops first, not measured (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--timeout", defaultValue = "10m", converter = DurationConverter.class,
            description = "Wall-clock limit per module run and per Spark task, e.g. 90s, 10m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    public RunLengthOptions() {
        this(5, 1);
    }

    RunLengthOptions(int loops, int warmup) {
        this.loops = loops;
        this.warmup = warmup;
    }

    void validate() {
        if (loops < 1) {
            throw new FinkPerfException(ExitCode.USAGE, "--loops must be >= 1, got " + loops);
        }
        if (warmup < 0) {
            throw new FinkPerfException(ExitCode.USAGE, "--warmup must be >= 0, got " + warmup);
        }
    }
}
