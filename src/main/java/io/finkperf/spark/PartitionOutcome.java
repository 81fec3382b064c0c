package io.finkperf.spark;

import java.io.Serializable;

/**
 * What one executor task sends back: the partition's canonical output bytes (hashed in partition
 * order on the driver) and where its time went. Durations in ns; {@code *Epoch} are wall-clock ns
 * since 1970 read on the executor host (JVM and Python stamps are comparable there).
 *
 * @param taskNs          the whole task function, first row read to bytes returned
 * @param batchWriteNs    Spark rows → batch folder (NPY), including reading the cached partition
 * @param launchEpoch     just before the Python process was started
 * @param mainEpoch       Python: interpreter up, worker module running
 * @param libsEpoch       Python: numpy, pandas and the driver imported
 * @param importDoneEpoch Python: science module imported, entry resolved
 * @param endEpoch        Python: work done, about to write its result and exit
 * @param exitEpoch       the JVM saw the process end
 * @param readNs          Python: batch read and argument building
 * @param computeNs       Python: the module calls only
 * @param serializeNs     Python: canonical encoding and writing of the outputs
 * @param readBackNs      the output bytes and result file read back by the task
 * @param cleanupNs       temporary folder deleted
 * @param reusedWorker    a worker kept from an earlier task ran it: launch → import is only the hand-over
 *                        (the executor's knowledge, not the worker's word)
 * @param observedNs      the executor's own clock around the worker call: process start to exit, or
 *                        request to reply for a kept worker
 * @param workerCpuNs     CPU time of the worker's main thread during the call, read by the executor
 *                        from /proc (a fresh worker: since it started), or -1 when not visible
 */
public record PartitionOutcome(
        int partition,
        long nRows,
        boolean ok,
        String error,
        int exitCode,
        String outputDtype,
        byte[] outputStream,
        long taskNs,
        long batchWriteNs,
        long launchEpoch,
        long mainEpoch,
        long libsEpoch,
        long importDoneEpoch,
        long endEpoch,
        long exitEpoch,
        long readNs,
        long computeNs,
        long serializeNs,
        long readBackNs,
        long cleanupNs,
        boolean reusedWorker,
        long observedNs,
        long workerCpuNs) implements Serializable {

    public static final long CPU_NOT_VISIBLE = -1;
    /** Starts the error of a partition whose files the worker left are hostile (a link, too big, not JSON). */
    public static final String UNTRUSTED = "results not trusted: ";

    /** The worker left hostile files instead of its result. */
    public boolean untrusted() {
        return error != null && error.startsWith(UNTRUSTED);
    }

    /** Process start to module imported: interpreter start, numpy/pandas import, module import. */
    public long startImportNs() {
        return importDoneEpoch - launchEpoch;
    }

    /** Python's own time between import and end not spent reading, computing or serialising. */
    public long pythonOtherNs() {
        return Math.max(0, endEpoch - importDoneEpoch - readNs - computeNs - serializeNs);
    }

    /** Result file written, interpreter torn down, process reaped. */
    public long exitNs() {
        return exitEpoch - endEpoch;
    }
}
