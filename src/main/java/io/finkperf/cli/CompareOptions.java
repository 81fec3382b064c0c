package io.finkperf.cli;

import io.finkperf.compare.Judge;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How a comparison measures and judges: shared by {@code compare} and {@code bench-compare}. */
public final class CompareOptions {

    @Option(names = "--rounds", defaultValue = "10") int rounds;
    @Option(names = "--calls-per-round", defaultValue = "3") int callsPerRound;

    @Option(names = "--min-round-time", defaultValue = "100ms", converter = DurationConverter.class)
    Duration minRoundTime;

    @Option(names = "--retries-when-noisy", defaultValue = "1") int retriesWhenNoisy;
    @Option(names = "--warmup", defaultValue = "2", descriptionKey = "compare.warmup") int warmup;
    @Option(names = "--threshold", defaultValue = "5", paramLabel = "PCT") String threshold;
    @Option(names = "--rtol", defaultValue = "1e-9") double rtol;

    @Option(names = "--timeout", defaultValue = "10m", converter = DurationConverter.class, descriptionKey = "compare.timeout")
    Duration timeout;

    @Option(names = "--metric", defaultValue = "cpu") io.finkperf.compare.CompareRequest.Metric metric;

    @Option(names = "--no-line-profile", negatable = false, descriptionKey = "compare.no-line-profile")
    boolean noLineProfile;

    Judge judge() {
        double pct;
        try {
            pct = Double.parseDouble(threshold.strip().replace("%", ""));
        } catch (NumberFormatException e) {
            throw new FinkPerfException(ExitCode.USAGE, "--threshold takes a percentage such as 5 or 5%, got '" + threshold + "'");
        }
        if (pct < 0 || pct >= 100) {
            throw new FinkPerfException(ExitCode.USAGE, "--threshold must be in [0, 100) %, got " + pct);
        }
        return new Judge(pct / 100, Judge.DEFAULT.alpha(), Judge.DEFAULT.confidence());
    }

    void validate() {
        if (rounds < 8) {
            // 7 pairs all one way give p = 2/128 > 0.01: the signed-rank test could never reject
            throw new FinkPerfException(ExitCode.USAGE, "--rounds must be >= 8 (the rank test needs 8 pairs to reach "
                    + "p < 0.01), got " + rounds);
        }
        if (callsPerRound < 1) {
            throw new FinkPerfException(ExitCode.USAGE, "--calls-per-round must be >= 1, got " + callsPerRound);
        }
        if (warmup < 1) {
            throw new FinkPerfException(ExitCode.USAGE, "--warmup must be >= 1, got " + warmup);
        }
        if (retriesWhenNoisy < 0) {
            throw new FinkPerfException(ExitCode.USAGE, "--retries-when-noisy must be >= 0, got " + retriesWhenNoisy);
        }
        if (!(rtol >= 0)) {
            throw new FinkPerfException(ExitCode.USAGE, "--rtol must be >= 0, got " + rtol);
        }
        judge();
    }
}
