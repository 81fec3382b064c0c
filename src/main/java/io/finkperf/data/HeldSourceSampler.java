package io.finkperf.data;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Exactly N alerts in {@link AlertSampler}'s order, for small sources: Spark reads and sorts the source
 * in a single task (no window, no shuffle, no N-row sort) and the rows are held on the driver; the
 * first N of them, or the source repeated cyclically, are then handed out while the batch is written.
 */
final class HeldSourceSampler {

    private HeldSourceSampler() {
    }

    static Iterator<InternalRow> take(Dataset<Row> rows, List<Column> stableOrder, long n) {
        InternalRow[] source = sortedSource(rows, stableOrder);
        return new Cyclic(source, n <= 0 ? source.length : n);
    }

    /** Merging the partitions without a shuffle keeps this one job of one task, which sorts them all. */
    private static InternalRow[] sortedSource(Dataset<Row> rows, List<Column> stableOrder) {
        Dataset<Row> sorted = rows.coalesce(1).sortWithinPartitions(stableOrder.toArray(new Column[0]));
        return (InternalRow[]) sorted.queryExecution().executedPlan().executeCollect();
    }

    /** Row i is source row i mod count. */
    private static final class Cyclic implements Iterator<InternalRow> {

        private final InternalRow[] source;
        private final long n;
        private long next;

        Cyclic(InternalRow[] source, long n) {
            this.source = source;
            this.n = n;
        }

        @Override
        public boolean hasNext() {
            return next < n;
        }

        @Override
        public InternalRow next() {
            if (next >= n) {
                throw new NoSuchElementException();
            }
            return source[(int) (next++ % source.length)];
        }
    }
}
