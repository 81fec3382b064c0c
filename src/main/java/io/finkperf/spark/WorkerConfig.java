package io.finkperf.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What an executor task needs to run the Python worker for one module. Paths must exist on the
 * executor hosts: a shared file system, or folders shipped with {@code SparkContext.addArchive} (then
 * {@code shipped} is true and the paths are the shipped names, resolved with {@code SparkFiles.get}).
 *
 * @param argsJson the driver spec's {@code args} array, as JSON
 * @param tmpDir   where tasks make their scratch folders (null: the executor's java.io.tmpdir)
 * @param reuseWorkers keep Python workers alive across tasks, as PySpark does by default
 * @param container    run each worker in a container (then {@code python} is the image's, and
 *                     {@code tmpDir} must be set: it is mounted), or null to run it on the host
 */
public record WorkerConfig(
        String python,
        String driverDir,
        String scienceDir,
        boolean shipped,
        String module,
        String entry,
        String call,
        String argsJson,
        PartitionBatchWriter writer,
        String tmpDir,
        long timeoutSeconds,
        boolean reuseWorkers,
        WorkerContainer container) implements Serializable {

    public static final List<String> THREAD_VARS = List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS");
}
