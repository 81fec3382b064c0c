package io.finkperf.batch;

import java.io.Serializable;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** One column of a {@code fink-perf-batch/1} manifest, with the Spark type it travels as. */
public record BatchColumn(String name, boolean list, BatchDtype dtype) implements Serializable {

    /** A column as the manifest spells it ({@code kind} "list" or "scalar", {@code dtype} by name). */
    public static BatchColumn fromManifest(String name, String kind, String dtype) {
        return new BatchColumn(name, "list".equals(kind), BatchDtype.fromManifestName(dtype));
    }

    public String kind() {
        return list ? "list" : "scalar";
    }

    public DataType sparkType() {
        return list ? DataTypes.createArrayType(dtype.sparkType, true) : dtype.sparkType;
    }
}
