package io.finkperf.data.spark;

import java.io.Serializable;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** One column of a {@code fink-perf-batch/1} manifest, with the Spark type it travels as. */
public record BatchColumn(String name, boolean list, String dtype) implements Serializable {

    public BatchColumn {
        elementType(dtype); // validates
    }

    static DataType elementType(String dtype) {
        return switch (dtype) {
            case "float32" -> DataTypes.FloatType;
            case "float64" -> DataTypes.DoubleType;
            case "int32" -> DataTypes.IntegerType;
            case "int64" -> DataTypes.LongType;
            case "bool" -> DataTypes.BooleanType;
            case "string" -> DataTypes.StringType;
            default -> throw new IllegalArgumentException("unknown batch dtype '" + dtype + "'");
        };
    }

    DataType sparkType() {
        DataType e = elementType(dtype);
        return list ? DataTypes.createArrayType(e, true) : e;
    }
}
