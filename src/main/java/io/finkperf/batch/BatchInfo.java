package io.finkperf.batch;

import java.nio.file.Path;
import java.util.List;

/** A finished {@code fink-perf-batch/1} folder: where, how many rows, and how long Spark + writer took. */
public record BatchInfo(Path dir, long nRows, int chunkRows, List<String> columns, long nanosToWrite) {

    public BatchInfo {
        columns = List.copyOf(columns);
    }

    /** Alerts per second from the start of the Spark query to the manifest on disk. */
    public double alertsPerSecond() {
        return nanosToWrite <= 0 ? 0 : nRows * 1e9 / nanosToWrite;
    }
}
