package io.finkperf.spark;

import io.finkperf.batch.BatchColumn;

import io.finkperf.batch.BatchWriter;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes one partition's rows as a {@code fink-perf-batch/1} folder, inside an executor task, with the
 * data package's {@link BatchWriter} (the one direct mode's batch comes from), so both modes
 * serialise alerts with the same code.
 */
public final class PartitionBatchWriter implements Serializable {

    private static final long serialVersionUID = 2L;

    private final List<BatchColumn> columns;
    private final int chunkRows;
    private final String survey;
    private final String source;

    public PartitionBatchWriter(List<BatchColumn> columns, int chunkRows, String survey, String source) {
        this.columns = List.copyOf(columns);
        this.chunkRows = chunkRows;
        this.survey = survey;
        this.source = source;
    }

    /** Writes every row (its fields in {@link #columns} order) into {@code dir}; returns the row count. */
    public long write(Iterator<InternalRow> rows, Path dir) {
        return BatchWriter.writeRows(rows, batchSchema(), dir, chunkRows, source, survey);
    }

    /** The batch names (the Spark side calls its columns c0..cN, as batch names hold dots). */
    StructType batchSchema() {
        return DataTypes.createStructType(columns.stream()
                .map(c -> DataTypes.createStructField(c.name(), c.sparkType(), true)).toList());
    }
}
