package io.finkperf.results;

import java.util.List;

/**
 * Raw samples of repeated calls on the same number of alerts: wall and CPU nanoseconds per call.
 * CPU time is what the cost model uses (core-seconds, robust when other processes share the cores).
 */
public record TimedCalls(List<Long> wallNs, List<Long> cpuNs) {

    public static final TimedCalls NONE = new TimedCalls(List.of(), List.of());

    public TimedCalls {
        wallNs = wallNs == null ? List.of() : List.copyOf(wallNs);
        cpuNs = cpuNs == null ? List.of() : List.copyOf(cpuNs);
    }

    /** Mean CPU ns per call: the calls walk through different alerts, so the mean is the mix's cost. */
    public double meanCpuNs() {
        return SampleStats.of(cpuNs).mean();
    }

    public double medianWallNs() {
        return SampleStats.of(wallNs).median();
    }
}
