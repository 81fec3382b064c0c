package io.finkperf.spark;

import java.util.List;

/**
 * One measured Spark loop of one module: driver-side wall clock (epoch ns), the listener's view of
 * the job, and what every task reported (output bytes dropped once hashed).
 *
 * @param startEpoch     just before the action
 * @param collectedEpoch the action returned every partition's outcome
 * @param doneEpoch      partition streams hashed in order
 * @param outputHash     sha256 of the partitions' canonical output streams, in partition order
 */
public record LoopMeasurement(long startEpoch, long collectedEpoch, long doneEpoch, JobTiming job,
                              List<PartitionOutcome> partitions, String outputHash) {

    public LoopMeasurement {
        partitions = List.copyOf(partitions);
    }

    public long totalNs() {
        return doneEpoch - startEpoch;
    }

    public long nRows() {
        return partitions.stream().mapToLong(PartitionOutcome::nRows).sum();
    }

    public boolean ok() {
        return partitions.stream().allMatch(PartitionOutcome::ok);
    }

    public String firstError() {
        return partitions.stream().filter(p -> !p.ok()).map(p -> "partition " + p.partition() + ": " + p.error())
                .findFirst().orElse(null);
    }
}
