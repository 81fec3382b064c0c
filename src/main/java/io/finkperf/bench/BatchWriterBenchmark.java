package io.finkperf.bench;

import io.finkperf.batch.BatchDtype;
import io.finkperf.batch.BatchWriter;

import io.finkperf.batch.BatchColumn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.unsafe.types.UTF8String;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Java hot path of the data path: Spark internal rows → {@code .npy} chunk files, for
 * 10 000 alerts of 20-point light curves (jd, magpsf), a scalar and a string column. The score
 * is batches per second; × 10 000 gives alerts/s for this part alone (Spark's own work excluded).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BatchWriterBenchmark {

    static final int ALERTS = 10_000;
    static final int POINTS = 20;

    List<InternalRow> rows;
    List<BatchColumn> columns;
    Path dir;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("fink-perf-jmh");
        columns = List.of(new BatchColumn("cjd", true, BatchDtype.FLOAT64),
                new BatchColumn("cmagpsf", true, BatchDtype.FLOAT32),
                new BatchColumn("candidate.ra", false, BatchDtype.FLOAT64),
                new BatchColumn("objectId", false, BatchDtype.STRING));
        rows = new ArrayList<>(ALERTS);
        for (int i = 0; i < ALERTS; i++) {
            double[] jd = new double[POINTS];
            float[] mag = new float[POINTS];
            for (int p = 0; p < POINTS; p++) {
                jd[p] = 2460000.5 + p + i * 1e-3;
                mag[p] = 18f + (p % 7) * 0.1f;
            }
            rows.add(new GenericInternalRow(new Object[] {UnsafeArrayData.fromPrimitiveArray(jd),
                    UnsafeArrayData.fromPrimitiveArray(mag), 150.0 + i * 1e-4,
                    UTF8String.fromString("ZTF24aa" + i)}));
        }
    }

    @Benchmark
    public List<Long> writeTenThousandAlerts() {
        return BatchWriter.writeChunks(dir, ALERTS, columns, rows.iterator());
    }
}
