package io.finkperf.cli;

import io.finkperf.engine.ScalePass;
import java.util.List;
import picocli.CommandLine.Option;

/** How {@code scale} (and {@code profile --scale}) measures how the cost grows, and what a night is. */
public final class ScaleOptions {

    @Option(names = "--batch-sizes", split = ",", defaultValue = "1,10,100,1000,10000", paramLabel = "N,N,...")
    List<Integer> batchSizes;

    @Option(names = "--lengths", split = ",", defaultValue = "1,5,20,100,500", paramLabel = "L,L,...")
    List<Integer> lengths;

    @Option(names = "--fit-from-length", defaultValue = "5", paramLabel = "L") int fitFromLength;

    @Option(names = "--project-lengths", split = ",", defaultValue = "1000,5000", paramLabel = "L,L,...")
    List<Integer> projectLengths;

    @Option(names = "--broker-batch", defaultValue = "10000") int brokerBatch;
    @Option(names = "--cores", defaultValue = "8") int cores;
    @Option(names = "--scale-budget", defaultValue = "0.25", paramLabel = "SECONDS") double budgetS;

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
