package io.finkperf.data;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One local[2] session per test class, stopped after it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LocalSparkTest {

    protected SparkSession spark;

    @BeforeAll
    void startSpark() {
        spark = SparkSessions.local(2);
    }

    @AfterAll
    void stopSpark() {
        spark.stop();
    }
}
