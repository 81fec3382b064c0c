package io.finkperf.data;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** The broker's {@code c*} light-curve columns, built exactly as {@code fink_utils.spark.utils.concat_col}. */
final class HistoryColumns {

    /** {@code fink_broker/ztf/science.py}, in the broker's order. */
    static final List<String> ZTF_FIELDS = List.of(
            "jd", "fid", "magpsf", "sigmapsf", "magnr", "sigmagnr", "isdiffpos", "distnr", "diffmaglim", "ra", "dec");

    /** {@code fink_broker/rubin/science.py}. */
    static final List<String> RUBIN_FIELDS = List.of("midpointMjdTai", "band", "psfFlux", "psfFluxErr");

    private HistoryColumns() {
    }

    static List<String> fields(Survey survey) {
        return survey == Survey.ZTF ? ZTF_FIELDS : RUBIN_FIELDS;
    }

    /**
     * {@code cX = when(history.X is not null, concat(history.X, array(current.X))).otherwise(array(current.X))}:
     * past points first in stored order, the current point last, upper limits' nulls kept. An empty
     * history gives a one-element array, as in the broker.
     */
    static Column concatCol(String current, String history, String field, DataType type) {
        Column now = col(current).getField(field).cast(type);
        Column past = col(history).getField(field).cast(DataTypes.createArrayType(type));
        return when(past.isNotNull(), concat(past, array(now))).otherwise(array(now));
    }
}
