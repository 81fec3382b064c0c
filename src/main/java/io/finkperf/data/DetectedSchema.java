package io.finkperf.data;

import java.nio.file.Path;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/** Which of the known alert layouts a parquet footer describes. */
enum DetectedSchema {
    /** ZTF alerts as distributed (Avro types: fid int, magpsf float). */
    ZTF_RAW("ztf-raw", Survey.ZTF, "candidate", "prv_candidates"),
    /** Fink Data Transfer output: same structs written via pandas, so ints are long and floats double. */
    ZTF_FTRANSFER("ztf-ftransfer", Survey.ZTF, "candidate", "prv_candidates"),
    RUBIN("rubin", Survey.RUBIN, "diaSource", "prvDiaSources");

    final String id;
    final Survey survey;
    final String current;
    final String history;

    DetectedSchema(String id, Survey survey, String current, String history) {
        this.id = id;
        this.survey = survey;
        this.current = current;
        this.history = history;
    }

    static DetectedSchema detect(StructType footer, Survey survey, Path source) {
        boolean ztf = isStruct(footer, "candidate");
        boolean rubin = isStruct(footer, "diaSource");
        if (survey == Survey.ZTF && !ztf) {
            throw new DataException(DataException.Kind.UNSUPPORTED, source + ": no 'candidate' struct, not a ZTF alert file"
                    + (rubin ? " (looks like rubin: use --survey rubin)" : ""));
        }
        if (survey == Survey.RUBIN && !rubin) {
            throw new DataException(DataException.Kind.UNSUPPORTED, source + ": no 'diaSource' struct, not a Rubin alert file"
                    + (ztf ? " (looks like ztf: use --survey ztf)" : ""));
        }
        if (survey == Survey.RUBIN) {
            return RUBIN;
        }
        StructType candidate = (StructType) footer.apply("candidate").dataType();
        Option<Object> magpsf = candidate.getFieldIndex("magpsf");
        if (magpsf.isEmpty()) {
            throw new DataException(DataException.Kind.MISSING_COLUMN, "column 'candidate.magpsf' not in " + source);
        }
        DataType type = candidate.fields()[(Integer) magpsf.get()].dataType();
        return type.equals(DataTypes.DoubleType) ? ZTF_FTRANSFER : ZTF_RAW;
    }

    /** Element struct of the history array, or null when the file has none (a single-point alert stream). */
    StructType historyElement(StructType footer) {
        Option<Object> i = footer.getFieldIndex(history);
        if (i.isEmpty()) {
            return null;
        }
        StructField f = footer.fields()[(Integer) i.get()];
        if (f.dataType() instanceof ArrayType a && a.elementType() instanceof StructType s) {
            return s;
        }
        return null;
    }

    private static boolean isStruct(StructType footer, String name) {
        Option<Object> i = footer.getFieldIndex(name);
        return i.isDefined() && footer.fields()[(Integer) i.get()].dataType() instanceof StructType;
    }
}
