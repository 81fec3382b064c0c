package io.finkperf.engine;

import java.util.List;

/**
 * The scale pass of a run ({@code fink-perf scale}, {@code profile --scale}): after the direct pass,
 * one fresh driver process per module measures how its cost grows, on the direct pass's batch.
 *
 * @param budgetS        CPU seconds per measurement (at least 3 calls)
 * @param fitFromLength  shortest light-curve length the exponent is fitted from
 * @param alertsPerNight alerts a night (ZTF ~200 000; Rubin's design figure ~10 million)
 * @param brokerBatch    alerts per call in the broker (an Arrow batch of a partition)
 * @param cores          cores the night's wall time is spread over
 */
public record ScalePass(List<Integer> batchSizes, List<Integer> lengths, int fitFromLength, List<Integer> projectLengths,
                        double budgetS, double alertsPerNight, int brokerBatch, int cores) {

    public ScalePass {
        batchSizes = List.copyOf(batchSizes);
        lengths = List.copyOf(lengths);
        projectLengths = List.copyOf(projectLengths);
    }
}
