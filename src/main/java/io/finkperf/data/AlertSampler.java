package io.finkperf.data;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Exactly N alerts in a deterministic order, computed by Spark: the source rows are numbered in a
 * stable order (candid / diaSourceId, then object id); N up to the row count keeps the first N, a
 * larger N repeats the source cyclically (row i is source row i mod count). The result is one
 * partition sorted by output row, so iterating it locally yields the rows in batch order.
 * Sources small enough to hold take the faster {@link HeldSourceSampler}, which gives the same rows.
 */
final class AlertSampler {

    static final String SOURCE_INDEX = "__fink_perf_src";
    static final String ROW_INDEX = "__fink_perf_row";
    private static final String REPEAT = "__fink_perf_rep";

    private AlertSampler() {
    }

    static Dataset<Row> take(Dataset<Row> rows, List<Column> stableOrder, long count, long n) {
        long wanted = n <= 0 ? count : n;
        // One window without partitioning: everything goes to a single partition, which is what we want,
        // since the batch is written in order by one local iterator anyway.
        Column index = row_number().over(Window.orderBy(stableOrder.toArray(new Column[0]))).minus(1L).as(SOURCE_INDEX);
        Dataset<Row> numbered = rows.select(col("*"), index);
        Dataset<Row> out;
        if (wanted <= count) {
            out = numbered.filter(col(SOURCE_INDEX).lt(wanted)).select(col("*"), col(SOURCE_INDEX).as(ROW_INDEX));
        } else {
            long repeats = (wanted + count - 1) / count;
            Column repeat = explode(sequence(lit(0L), lit(repeats - 1))).as(REPEAT);
            Dataset<Row> repeated = numbered.select(col("*"), repeat);
            out = repeated.select(col("*"), col(REPEAT).multiply(count).plus(col(SOURCE_INDEX)).as(ROW_INDEX))
                    .filter(col(ROW_INDEX).lt(wanted));
        }
        return out.sortWithinPartitions(ROW_INDEX);
    }
}
