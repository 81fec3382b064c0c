package io.finkperf.transfer;

import io.finkperf.base.Checks;
import java.nio.file.Path;
import java.time.Duration;

/** One transfer: where from, where to, in which layout, how much. {@code limit} 0 means every alert. */
public record TransferRequest(
        String servers,
        String groupId,
        String topic,
        Path outDir,
        TransferSurvey survey,
        PartitionBy partitionBy,
        OutputFormat format,
        long limit,
        int batchSize,
        Duration timeout,
        int writerThreads) {

    public TransferRequest {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("--topic is required");
        }
        Checks.atLeast("--limit", limit, 0);
        Checks.atLeast("--batch-size", batchSize, 1);
        Checks.atLeast("--writers", writerThreads, 1);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be positive");
        }
        if (survey == TransferSurvey.LSST && partitionBy != PartitionBy.NONE && partitionBy != PartitionBy.TIME) {
            // as Fink's client: the LSST topics carry no finkclass/tnsclass/classId column
            throw new IllegalArgumentException("--partition-by for lsst can only be time");
        }
    }
}
