package io.finkperf.data;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import io.finkperf.base.Checks;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * {@code --sample-by COLUMN --per-class N}: the first N alerts, in the stable alert order, of each value
 * of a column (null is a value too), so a test batch holds as many alerts of each class; a class with
 * fewer keeps all of its alerts. Deterministic, as the rest of the sampling.
 */
public record StratifiedSample(String column, long perClass) {

    private static final String RANK = "__fink_perf_class_rank";

    public StratifiedSample {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("--sample-by needs a column name");
        }
        Checks.atLeast("--per-class", perClass, 1);
    }

    Dataset<Row> take(Dataset<Row> alerts, Column value, List<Column> stableOrder) {
        Column rank = row_number().over(Window.partitionBy(value).orderBy(stableOrder.toArray(new Column[0])));
        return alerts.withColumn(RANK, rank).filter(col(RANK).leq(perClass)).drop(RANK);
    }
}
