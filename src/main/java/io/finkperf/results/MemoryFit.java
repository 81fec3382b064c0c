package io.finkperf.results;

import java.util.List;

/**
 * Peak RSS of a call above the RSS before it, against alerts per call: a least-squares line (both parts >= 0)
 * (bytes per call + bytes per alert · N), and the highest peak above the idle interpreter.
 */
public record MemoryFit(double bytesPerCall, double bytesPerAlert, long maxPeakAboveIdleBytes) {

    /** Null when no batch size has a memory reading. */
    public static MemoryFit of(List<BatchSizeRun> runs, long idleRssBytes) {
        List<BatchSizeRun> measured = runs.stream().filter(r -> r.peakAboveCallStartBytes() != null).toList();
        if (measured.isEmpty()) {
            return null;
        }
        double[] x = measured.stream().mapToDouble(BatchSizeRun::n).toArray();
        double[] y = measured.stream().mapToDouble(r -> r.peakAboveCallStartBytes()).toArray();
        double[] line = LineFit.nonNegative(x, y, null);
        long peak = measured.stream().mapToLong(r -> Math.max(0, r.peakRssBytes() - idleRssBytes)).max().orElse(0);
        return new MemoryFit(line[0], line[1], peak);
    }
}
