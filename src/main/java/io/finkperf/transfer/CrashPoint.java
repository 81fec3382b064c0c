package io.finkperf.transfer;

/**
 * Called at each step of putting a batch on disk, so tests can stop a run exactly there, as a kill
 * would. {@code batch} counts the run's batches from 1 in submission order.
 */
@FunctionalInterface
public interface CrashPoint {

    enum Stage {
        /** Temporary files written and fsynced, no journal yet. */
        TEMP_WRITTEN,
        /** Journal durable, files not renamed yet. */
        JOURNALED,
        /** Files in place, offsets not committed yet. */
        PUBLISHED,
        /** Offsets committed. */
        COMMITTED
    }

    CrashPoint NONE = (stage, batch, range) -> { };

    void at(Stage stage, int batch, OffsetRange range);
}
