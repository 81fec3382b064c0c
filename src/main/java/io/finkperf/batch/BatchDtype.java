package io.finkperf.batch;

import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampType;

/** Element types a {@code fink-perf-batch/1} column can hold, with their manifest name and NPY descr. */
public enum BatchDtype {
    FLOAT32("float32", "<f4", 4, DataTypes.FloatType),
    FLOAT64("float64", "<f8", 8, DataTypes.DoubleType),
    INT32("int32", "<i4", 4, DataTypes.IntegerType),
    INT64("int64", "<i8", 8, DataTypes.LongType),
    BOOL("bool", "|b1", 1, DataTypes.BooleanType),
    /** UTF-8 bytes in {@code values} ({@code |u1}) delimited by {@code stroffsets}. */
    STRING("string", "|u1", 1, DataTypes.StringType);

    final String manifestName;
    final String npyDescr;
    final int width;
    /** Spark type the column is cast to before it reaches the writer. */
    final DataType sparkType;

    BatchDtype(String manifestName, String npyDescr, int width, DataType sparkType) {
        this.manifestName = manifestName;
        this.npyDescr = npyDescr;
        this.width = width;
        this.sparkType = sparkType;
    }

    /** The batch type for a Spark scalar type, or null when the format has none (binary, nested). */
    /** The dtype a manifest names ({@code float32}, …). */
    public static BatchDtype fromManifestName(String name) {
        for (BatchDtype d : values()) {
            if (d.manifestName.equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown batch dtype '" + name + "'");
    }

    public DataType sparkType() {
        return sparkType;
    }

    public String manifestName() {
        return manifestName;
    }

    public static BatchDtype of(DataType t) {
        if (t instanceof FloatType) {
            return FLOAT32;
        }
        if (t instanceof DoubleType || t instanceof DecimalType) {
            return FLOAT64;
        }
        if (t instanceof IntegerType || t instanceof ShortType || t instanceof ByteType) {
            return INT32;
        }
        if (t instanceof LongType) {
            return INT64;
        }
        if (t instanceof BooleanType) {
            return BOOL;
        }
        if (t instanceof StringType || t instanceof TimestampType || t instanceof DateType) {
            return STRING;
        }
        return null;
    }
}
