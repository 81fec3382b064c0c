package io.finkperf.batch;

import io.finkperf.data.TestData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public entry point used by Spark tasks: columns come from the schema's field names and types. */
class BatchWriterRowsTest {

    @TempDir
    Path tmp;

    private static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("candidate.ra", DataTypes.DoubleType, true),
            DataTypes.createStructField("objectId", DataTypes.StringType, true),
            DataTypes.createStructField("cmagpsf", DataTypes.createArrayType(DataTypes.FloatType), true)));

    private static InternalRow row(double ra, String id, Float... mags) {
        return new GenericInternalRow(new Object[] {ra, UTF8String.fromString(id),
                mags == null ? null : new GenericArrayData(mags)});
    }

    @Test
    void manifestNamesKindsAndDtypesComeFromTheSchema() throws Exception {
        Path out = tmp.resolve("b");
        long n = BatchWriter.writeRows(List.of(row(1.0, "ZTF1", 18f, 19f), row(2.0, "ZTF2", 17f)).iterator(), SCHEMA,
                out, 10, "mem", "ztf");

        assertEquals(2, n);
        JsonNode cols = TestData.manifest(out).path("columns");
        assertEquals("candidate.ra scalar float64|objectId scalar string|cmagpsf list float32",
                String.join("|", List.of(describe(cols.get(0)), describe(cols.get(1)), describe(cols.get(2)))));
        WrittenBatch b = new WrittenBatch(out);
        assertEquals(2.0, b.part("candidate.ra", "values").f8(1));
        assertEquals("ZTF2", b.string("objectId", 1));
        assertEquals(19f, b.f4List("cmagpsf", 0)[1]);
    }

    @Test
    void aNullListIsMarkedInRowvalidNotWrittenAsEmpty() throws Exception {
        Path out = tmp.resolve("nulls");
        BatchWriter.writeRows(List.of(row(1.0, "a", 18f), row(2.0, "b", (Float[]) null), row(3.0, "c")).iterator(),
                SCHEMA, out, 10, "mem", "ztf");

        WrittenBatch b = new WrittenBatch(out);
        NpyArray rowValid = b.part("cmagpsf", "rowvalid");
        assertEquals(3, rowValid.length());
        assertTrue(rowValid.b1(0));
        assertFalse(rowValid.b1(1), "null list");
        assertTrue(rowValid.b1(2), "empty list is a valid list");
    }

    @Test
    void noRowvalidFileWithoutNullLists() {
        Path out = tmp.resolve("full");
        BatchWriter.writeRows(List.of(row(1.0, "a", 18f)).iterator(), SCHEMA, out, 10, "mem", "ztf");

        assertFalse(new WrittenBatch(out).has("cmagpsf", "rowvalid"));
    }

    @Test
    void aTypeTheFormatCannotHoldIsNamed() {
        StructType binary = DataTypes.createStructType(List.of(
                DataTypes.createStructField("cutoutScience", DataTypes.BinaryType, true)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchWriter.writeRows(List.<InternalRow>of().iterator(), binary, tmp.resolve("x"), 10, "mem", "ztf"));
        assertEquals("column 'cutoutScience' of type binary has no fink-perf-batch/1 dtype", e.getMessage());
    }

    private static String describe(JsonNode c) {
        return c.path("name").asText() + " " + c.path("kind").asText() + " " + c.path("dtype").asText();
    }
}
