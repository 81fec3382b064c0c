package io.finkperf.data;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;

/** Local Spark sessions tuned for small, single-machine reads: no UI, quiet logs, few shuffle partitions. */
public final class SparkSessions {

    private SparkSessions() {
    }

    public static SparkSession local(int cores) {
        int n = Math.max(1, cores);
        // Before the builder: Spark logs its start-up at INFO otherwise.
        Configurator.setRootLevel(Level.ERROR);
        SparkSession spark = SparkSession.builder()
                .master("local[" + n + "]")
                .appName("fink-perf")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", String.valueOf(n))
                .config("spark.default.parallelism", String.valueOf(n))
                .config("spark.sql.adaptive.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        return spark;
    }
}
