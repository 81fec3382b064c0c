package io.finkperf.data;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * A local Spark session for code outside this package, which stays the only one importing Spark:
 * open it once, read several alert files through it, close it to stop Spark.
 */
public final class LocalSpark implements AutoCloseable {

    private final SparkSession session;

    private LocalSpark(SparkSession session) {
        this.session = session;
    }

    /** Spark {@code local[cores]}, tuned as {@link SparkSessions#local(int)}. */
    public static LocalSpark open(int cores) {
        return new LocalSpark(SparkSessions.local(cores));
    }

    /** Alerts read through this session; closing them leaves the session running. */
    public AlertData alerts(Path fileOrDir, Survey survey) {
        return AlertData.open(fileOrDir, survey, session);
    }

    @Override
    public void close() {
        session.stop();
    }
}
