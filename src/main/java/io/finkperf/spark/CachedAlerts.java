package io.finkperf.spark;

import io.finkperf.batch.BatchColumn;
import io.finkperf.batch.BatchRows;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A batch's rows cached in Spark, partitioned as the run planned; closing unpersists them. */
public final class CachedAlerts implements AutoCloseable {

    private final Dataset<Row> rows;
    private final BatchRows batch;

    CachedAlerts(Dataset<Row> rows, BatchRows batch) {
        this.rows = rows;
        this.batch = batch;
    }

    /**
     * Only the named columns that the batch holds, once each and in the order asked: Spark ships
     * only a UDF's arguments to Python.
     */
    public Selection select(List<String> wanted) {
        List<String> names = batch.columns().stream().map(BatchColumn::name).toList();
        List<BatchColumn> cols = new ArrayList<>();
        List<Column> select = new ArrayList<>();
        for (String c : wanted) {
            int i = names.indexOf(c);
            if (i >= 0 && cols.stream().noneMatch(x -> x.name().equals(c))) {
                cols.add(batch.columns().get(i));
                select.add(rows.col("c" + i));
            }
        }
        return new Selection(rows.select(select.toArray(new Column[0])), cols);
    }

    public long count() {
        return batch.rows().size();
    }

    @Override
    public void close() {
        rows.unpersist();
    }

    /** Some columns of the cached alerts, ready to be run through a worker. */
    public static final class Selection {
        private final Dataset<Row> rows;
        private final List<BatchColumn> columns;

        Selection(Dataset<Row> rows, List<BatchColumn> columns) {
            this.rows = rows;
            this.columns = List.copyOf(columns);
        }

        Dataset<Row> rows() {
            return rows;
        }

        public List<BatchColumn> columns() {
            return columns;
        }
    }
}
