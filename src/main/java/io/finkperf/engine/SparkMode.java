package io.finkperf.engine;

import io.finkperf.spark.WorkerContainer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Spark pass of a run: the modules again inside Spark tasks, on the very batch the direct pass used.
 *
 * @param master          local[N], spark://host:port, yarn, k8s://…
 * @param totalMemoryGb   GB for all executors (0: use the master's cores), as Fink's perf script
 * @param ship            ship the driver package and science dir as archives instead of using shared paths
 * @param tmpDir          scratch folder for executor tasks (null: theirs, or the run's work folder with workers)
 * @param reuseWorkers    keep each executor's Python workers across tasks, as PySpark does
 * @param conf            extra Spark settings
 * @param python          the Python on the executors (ignored with {@code workers}: the image's)
 * @param workers         run the tasks' Python workers in containers of this image, or null: on the host
 * @param driverDir       the folder holding the driver package {@code fink_perf_driver}
 */
public record SparkMode(
        String master,
        double totalMemoryGb,
        double gbPerExecutor,
        int coresPerExecutor,
        boolean ship,
        Path tmpDir,
        boolean reuseWorkers,
        Map<String, String> conf,
        String python,
        WorkerContainer workers,
        Path driverDir) {

    public SparkMode {
        conf = Map.copyOf(conf);
    }
}
