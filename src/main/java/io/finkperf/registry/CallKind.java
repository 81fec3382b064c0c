package io.finkperf.registry;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the broker calls the entry: a pandas UDF (Series in, Series out), a row-wise UDF, or a
 * function of the whole DataFrame (not runnable outside Spark with the module's own code).
 */
public enum CallKind {
    PANDAS_UDF("pandas_udf"), UDF("udf"), DATAFRAME("dataframe");

    private final String label;

    CallKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<CallKind> parse(String s) {
        return Arrays.stream(values()).filter(k -> k.label.equals(s)).findFirst();
    }
}
