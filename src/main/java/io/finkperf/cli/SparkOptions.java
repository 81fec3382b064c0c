package io.finkperf.cli;

import io.finkperf.engine.SparkMode;
import io.finkperf.spark.WorkerContainer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** Where and how big the Spark side is, with the options of Fink's perf script. */
public final class SparkOptions {

    @Option(names = "--master", defaultValue = "${env:FINK_PERF_SPARK_MASTER:-local[2]}",
            description = "Spark master: local[N], spark://host:7077, yarn, k8s://… (default: ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--total-memory", defaultValue = "0",
            description = "GB for all executors; executors = total / gb-per-executor, as Fink's perf script (default: unset, use the master's cores).")
    double totalMemory;

    @Option(names = "--gb-per-executor", defaultValue = "2", description = "Executor memory in GB (default: ${DEFAULT-VALUE}).")
    double gbPerExecutor;

    @Option(names = "--core-per-executor", defaultValue = "1", description = "Cores per executor (default: ${DEFAULT-VALUE}).")
    int corePerExecutor;

    @Option(names = "--ship", description = "Ship the driver package and science dir to executors as zip archives (addArchive) instead of using shared paths.")
    boolean ship;

    @Option(names = "--tmp-dir", description = "Scratch folder for executor tasks (default: their java.io.tmpdir).")
    Path tmpDir;

    @Option(names = "--python-worker-reuse", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Keep each executor's Python workers across tasks, as PySpark does by default; "
                    + "--no-python-worker-reuse starts one per task (default: ${DEFAULT-VALUE}).")
    boolean reuseWorkers;

    @Option(names = "--conf", description = "Extra Spark setting key=value (repeatable).")
    Map<String, String> conf = new HashMap<>();

    /** What Spark accepts as a master (SparkContext.createTaskScheduler), checked before anything runs. */
    static final Pattern MASTER = Pattern.compile(
            "local(\\[(\\*|\\d+)(,\\d+)?])?|local-cluster\\[\\d+,\\d+,\\d+]|spark://[^\\s/]+|yarn|k8s://\\S+|mesos://\\S+");

    /** The Spark pass these options describe, its Python workers on the host ({@code python}) or in {@code workers}. */
    SparkMode mode(String python, WorkerContainer workers) {
        return new SparkMode(master, totalMemory, gbPerExecutor, corePerExecutor, ship, tmpDir, reuseWorkers, conf,
                python, workers, FinkPerfHome.driverDir());
    }

    void validate() {
        if (!MASTER.matcher(master).matches()) {
            throw new FinkPerfException(ExitCode.USAGE, "--master '" + master
                    + "' is not a Spark master: local[N], spark://host:port, yarn or k8s://https://host:port");
        }
        if (corePerExecutor < 1 || gbPerExecutor <= 0 || totalMemory < 0) {
            throw new FinkPerfException(ExitCode.USAGE, "need --core-per-executor >= 1, --gb-per-executor > 0, --total-memory >= 0");
        }
        if (totalMemory > 0 && totalMemory < gbPerExecutor) {
            throw new FinkPerfException(ExitCode.USAGE, "--total-memory " + totalMemory + " is less than one executor of "
                    + gbPerExecutor + " GB");
        }
    }
}
