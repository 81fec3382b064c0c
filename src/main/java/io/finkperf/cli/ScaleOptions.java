package io.finkperf.cli;

import io.finkperf.engine.ScalePass;
import java.util.List;
import picocli.CommandLine.Option;

/** How {@code scale} (and {@code profile --scale}) measures how the cost grows, and what a night is. */
public final class ScaleOptions {

    @Option(names = "--batch-sizes", split = ",", defaultValue = "1,10,100,1000,10000", paramLabel = "N,N,...",
            description = "Alerts per call to time, for t(N) = a + b·N (default: ${DEFAULT-VALUE}).")
    List<Integer> batchSizes;

    @Option(names = "--lengths", split = ",", defaultValue = "1,5,20,100,500", paramLabel = "L,L,...",
            description = "Light-curve lengths the alerts are cut or extended to (default: ${DEFAULT-VALUE}).")
    List<Integer> lengths;

    @Option(names = "--fit-from-length", defaultValue = "5", paramLabel = "L",
            description = "Shortest length the exponent is fitted from: 1-2 point light curves take the early exits (default: ${DEFAULT-VALUE}).")
    int fitFromLength;

    @Option(names = "--project-lengths", split = ",", defaultValue = "1000,5000", paramLabel = "L,L,...",
            description = "Light-curve lengths to project the cost per alert to, e.g. Rubin after years (default: ${DEFAULT-VALUE}).")
    List<Integer> projectLengths;

    @Option(names = "--broker-batch", defaultValue = "10000",
            description = "Alerts per call in the broker: Arrow batch of a partition (default: ${DEFAULT-VALUE}).")
    int brokerBatch;

    @Option(names = "--cores", defaultValue = "8", description = "Cores the night is spread over (default: ${DEFAULT-VALUE}).")
    int cores;

    @Option(names = "--scale-budget", defaultValue = "0.25", paramLabel = "SECONDS",
            description = "CPU seconds spent on each measurement of a module, at least 3 calls (default: ${DEFAULT-VALUE}).")
    double budgetS;

    /** The scale pass of a run, for a night of {@code alertsPerNight} alerts. */
    ScalePass pass(double alertsPerNight) {
        if (!(alertsPerNight > 0)) {
            throw new FinkPerfException(ExitCode.USAGE, "--alerts-per-night must be > 0, got " + alertsPerNight);
        }
        return new ScalePass(batchSizes, lengths, fitFromLength, projectLengths, budgetS, alertsPerNight, brokerBatch, cores);
    }

    void validate() {
        check("--batch-sizes", batchSizes);
        check("--lengths", lengths);
        check("--project-lengths", projectLengths);
        if (batchSizes.stream().distinct().count() < 2) {
            throw new FinkPerfException(ExitCode.USAGE, "--batch-sizes needs at least two different sizes, got " + batchSizes);
        }
        if (brokerBatch < 1 || cores < 1) {
            throw new FinkPerfException(ExitCode.USAGE, "--broker-batch and --cores must be >= 1, got " + brokerBatch + " and " + cores);
        }
        if (!(budgetS > 0)) {
            throw new FinkPerfException(ExitCode.USAGE, "--scale-budget must be > 0, got " + budgetS);
        }
    }

    private static void check(String name, List<Integer> values) {
        if (values == null || values.isEmpty() || values.stream().anyMatch(v -> v == null || v < 1)) {
            throw new FinkPerfException(ExitCode.USAGE, name + " must be integers >= 1, got " + values);
        }
    }
}
