package io.finkperf.data;

import io.finkperf.batch.BatchWriter;

import io.finkperf.batch.BatchColumn;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * With a local master the task runs in this JVM on this disk, so the single sorted partition
 * {@link AlertSampler} produces is written by the task itself: no row is serialised to the driver,
 * which halves the time to a finished batch. Only chunk sizes come back.
 */
final class InTaskWriter {

    private InTaskWriter() {
    }

    static List<Long> write(Dataset<Row> rows, Path outDir, int chunkRows, List<BatchColumn> columns) {
        String dir = outDir.toAbsolutePath().toString(); // Path is not serialisable
        FlatMapFunction<java.util.Iterator<InternalRow>, List<Long>> task =
                it -> List.of(BatchWriter.writeChunks(Path.of(dir), chunkRows, columns, it)).iterator();
        List<List<Long>> perPartition = rows.queryExecution().toRdd().toJavaRDD().mapPartitions(task).collect();
        if (perPartition.size() != 1) {
            throw new IllegalStateException("expected one sorted partition, got " + perPartition.size());
        }
        return perPartition.get(0);
    }
}
