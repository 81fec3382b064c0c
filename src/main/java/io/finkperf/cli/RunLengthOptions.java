package io.finkperf.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How long each module runs: loops, warm-up and the time limit, with each command's own defaults. */
public final class RunLengthOptions {

    @Option(names = "--loops") int loops;
    @Option(names = "--warmup") int warmup;
    @Option(names = "--timeout", defaultValue = "10m", converter = DurationConverter.class) Duration timeout;

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
