package io.finkperf.transfer;

import java.util.Map;

/** Hears about a transfer as it goes. */
public interface TransferProgress {

    /** Partitions, with their start and end offsets. */
    void started(String topic, Map<Integer, Long> start, Map<Integer, Long> end, PartitionBy layout);

    /** A batch is on disk and committed; {@code lag} is the partition's end offset minus its committed offset. */
    void batchDone(BatchResult batch, long lag);

    void finished(TransferSummary summary);

    TransferProgress NONE = new TransferProgress() {
        @Override
        public void started(String topic, Map<Integer, Long> start, Map<Integer, Long> end, PartitionBy layout) {
        }

        @Override
        public void batchDone(BatchResult batch, long lag) {
        }

        @Override
        public void finished(TransferSummary summary) {
        }
    };
}
