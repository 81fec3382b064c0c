package io.finkperf.data;

import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;

/**
 * Every Spark session fink-perf starts is configured here, the alert readers' and Spark mode's
 * alike: no UI, quiet logs, no adaptive query execution (plans and partition counts stay as asked),
 * UTC, and a loopback driver in local mode.
 */
public final class SparkSessions {

    private SparkSessions() {
    }

    /** For small, single-machine reads: {@code local[cores]}, as many shuffle partitions as cores. */
    public static SparkSession local(int cores) {
        int n = Math.max(1, cores);
        return start(common("local[" + n + "]", "fink-perf")
                .config("spark.sql.shuffle.partitions", String.valueOf(n))
                .config("spark.default.parallelism", String.valueOf(n)));
    }

    /**
     * For Spark mode, on {@code master}: executors of {@code gbPerExecutor} GB and
     * {@code coresPerExecutor} cores (as Fink's perf script sizes them), one core per task, no task
     * retry (a failing module is a result, not something to run again), then {@code conf} over all that.
     *
     * @param executors {@code <= 0}: let the master decide
     */
    public static SparkSession bench(String master, int executors, int coresPerExecutor, double gbPerExecutor,
                                     Map<String, String> conf) {
        SparkSession.Builder b = common(master, "fink-perf spark-bench")
                .config("spark.task.cpus", "1")
                .config("spark.task.maxFailures", "1")
                .config("spark.executor.cores", String.valueOf(coresPerExecutor))
                .config("spark.executor.memory", Math.max(1, Math.round(gbPerExecutor * 1024)) + "m");
        if (executors > 0) {
            b.config("spark.executor.instances", String.valueOf(executors))
                    .config("spark.cores.max", String.valueOf(executors * coresPerExecutor));
        }
        conf.forEach(b::config);
        return start(b);
    }

    private static SparkSession.Builder common(String master, String appName) {
        SparkSession.Builder b = SparkSession.builder().master(master).appName(appName)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.adaptive.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC");
        if (master.startsWith("local")) {
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        return b;
    }

    private static SparkSession start(SparkSession.Builder b) {
        // Before the builder runs: Spark logs its start-up at INFO otherwise.
        Configurator.setRootLevel(Level.ERROR);
        SparkSession spark = b.getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        return spark;
    }
}
