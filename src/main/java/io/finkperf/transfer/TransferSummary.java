package io.finkperf.transfer;

import java.nio.file.Path;
import java.util.Map;

/** What a run wrote: alerts and message bytes this run, files, time, and each partition's remaining lag. */
public record TransferSummary(String topic, Path outDir, PartitionBy layout, long alerts, long bytes, int files,
        long nanos, Map<Integer, Long> lag) {

    public TransferSummary {
        lag = Map.copyOf(lag);
    }

    public double alertsPerSecond() {
        return nanos == 0 ? 0 : alerts / (nanos / 1e9);
    }

    public double megabytesPerSecond() {
        return nanos == 0 ? 0 : bytes / 1e6 / (nanos / 1e9);
    }

    public long totalLag() {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }
}
