package io.finkperf.spark;

import io.finkperf.base.Checks;
import io.finkperf.spark.WorkerContainer;
import io.finkperf.registry.ModuleSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What spark-bench runs, on which Spark, how often.
 *
 * @param batchDir       the batch direct mode ran on (data columns plus produced ones)
 * @param ship           ship the driver package and science dir as zip archives (addArchive) instead of using their paths
 * @param tmpDir         where executor tasks make scratch folders (null: their java.io.tmpdir)
 * @param reuseWorkers   keep each executor's Python workers across tasks (PySpark's default) or start one per task
 * @param container      run the Python workers in containers (then {@code python} is the image's), or null
 */
public record SparkBenchRequest(
        List<ModuleSpec> modules,
        Path batchDir,
        Path scienceDir,
        Path driverDir,
        String python,
        String master,
        double totalMemoryGb,
        double gbPerExecutor,
        int coresPerExecutor,
        int warmup,
        int loops,
        int chunkRows,
        boolean ship,
        Map<String, String> conf,
        Path tmpDir,
        Duration timeout,
        boolean reuseWorkers,
        WorkerContainer container) {

    public SparkBenchRequest {
        modules = List.copyOf(modules);
        conf = Map.copyOf(conf);
        Checks.atLeast("loops", loops, 1);
    }
}
