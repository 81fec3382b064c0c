package io.finkperf.runner;

import java.util.List;

/**
 * The {@code scale} object of a driver spec: the driver then measures how the module's cost grows
 * instead of timing loops (see ARCHITECTURE.md, {@code fink-perf-scale/1}).
 *
 * @param budgetS time spent on each measurement (batch size, length), at least three calls
 */
public record ScaleSpec(List<Integer> batchSizes, List<Integer> lengths, double budgetS) {

    public ScaleSpec {
        batchSizes = List.copyOf(batchSizes);
        lengths = List.copyOf(lengths);
    }
}
