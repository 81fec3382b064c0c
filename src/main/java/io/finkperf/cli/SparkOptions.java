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

    @Option(names = "--master", defaultValue = "${env:FINK_PERF_SPARK_MASTER:-local[2]}") String master;
    @Option(names = "--total-memory", defaultValue = "0") double totalMemory;
    @Option(names = "--gb-per-executor", defaultValue = "2") double gbPerExecutor;
    @Option(names = "--core-per-executor", defaultValue = "1") int corePerExecutor;
    @Option(names = "--ship") boolean ship;
    @Option(names = "--tmp-dir") Path tmpDir;

    @Option(names = "--python-worker-reuse", negatable = true, defaultValue = "true", fallbackValue = "true")
    boolean reuseWorkers;

    @Option(names = "--conf") Map<String, String> conf = new HashMap<>();

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
