package io.finkperf.batch;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The writer alone, on hand-made rows (no Spark session), read back by {@link NpyArray}. */
class NpyWriterTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 100_000})
    void headerIsPaddedTo64BytesAndEndsWithNewline(int length) {
        var h = NpyWriter.header("<f4", length);
        assertEquals(0, h.remaining() % 64);
        assertEquals('\n', h.get(h.limit() - 1));
    }

    /** A list cell as Spark holds it internally. */
    private static GenericArrayData seq(Object... values) {
        return new GenericArrayData(Arrays.stream(values).map(NpyWriterTest::internal).toArray());
    }

    /** A row as Spark holds it internally (strings as UTF8String). */
    private static InternalRow row(Object... values) {
        return new GenericInternalRow(Arrays.stream(values).map(NpyWriterTest::internal).toArray());
    }

    private static Object internal(Object v) {
        return v instanceof String s ? UTF8String.fromString(s) : v;
    }

    private static BatchColumn col(String name, boolean list, BatchDtype dtype) {
        return new BatchColumn(name, list, dtype);
    }

    @Test
    void scalarsListsStringsAndNullsRoundTrip() throws Exception {
        List<BatchColumn> cols = List.of(
                col("f", false, BatchDtype.FLOAT32), col("d", false, BatchDtype.FLOAT64),
                col("i", false, BatchDtype.INT32), col("l", false, BatchDtype.INT64),
                col("b", false, BatchDtype.BOOL), col("s", false, BatchDtype.STRING),
                col("cmag", true, BatchDtype.FLOAT32), col("cpos", true, BatchDtype.STRING));
        List<InternalRow> rows = List.of(
                row(1.5f, 2.25, 3, 4L, true, "héllo", seq(10f, 11f), seq("t", "f")),
                row(null, -1.0, null, Long.MAX_VALUE, false, null, seq(null, 12f),
                        seq((Object) null)),
                row(0f, 0.0, -7, -1L, null, "", seq(), seq("1")));
        Path out = tmp.resolve("b");
        long n = new BatchWriter(out, 2, cols).write(rows.iterator(), "mem", "ztf");
        assertEquals(3, n);

        WrittenBatch c0 = new WrittenBatch(out, "chunk-00000");
        NpyArray f = c0.part("f", "values");
        assertEquals("<f4", f.descr());
        assertEquals(2, f.length());
        assertEquals(0, f.headerBytes() % 64);
        assertEquals(1.5f, f.f4(0));
        assertTrue(Float.isNaN(f.f4(1)), "null float is NaN");
        assertFalse(c0.part("f", "valid").b1(1));
        assertFalse(c0.has("d", "valid"), "no valid file without nulls");
        assertEquals("<f8", c0.part("d", "values").descr());
        assertEquals(2.25, c0.part("d", "values").f8(0));
        assertEquals("<i4", c0.part("i", "values").descr());
        assertEquals(3, c0.part("i", "values").i4(0));
        assertTrue(c0.part("i", "valid").b1(0));
        assertFalse(c0.part("i", "valid").b1(1));
        assertEquals("<i8", c0.part("l", "values").descr());
        assertEquals(Long.MAX_VALUE, c0.part("l", "values").i8(1));
        assertEquals("|b1", c0.part("b", "values").descr());
        assertTrue(c0.part("b", "values").b1(0));
        assertEquals("|u1", c0.part("s", "values").descr());
        assertEquals("héllo", c0.string("s", 0));
        assertEquals(null, c0.string("s", 1));
        assertEquals(3, c0.part("s", "stroffsets").length());
        assertEquals("<i8", c0.part("cmag", "offsets").descr());
        assertEquals(3, c0.part("cmag", "offsets").length());
        assertEquals(11f, c0.f4List("cmag", 0)[1]);
        assertTrue(Float.isNaN(c0.f4List("cmag", 1)[0]));
        assertEquals(Arrays.toString(new boolean[] {false, true}), Arrays.toString(c0.validList("cmag", 1)));
        assertEquals(Arrays.toString(new String[] {"t", "f"}), Arrays.toString(c0.stringList("cpos", 0)));
        assertEquals(Arrays.toString(new String[] {null}), Arrays.toString(c0.stringList("cpos", 1)));

        WrittenBatch c1 = new WrittenBatch(out, "chunk-00001");
        assertEquals(1, c1.part("f", "values").length());
        assertEquals(0, c1.f4List("cmag", 0).length);
        assertEquals("", c1.string("s", 0));
        assertFalse(c1.has("s", "valid"), "validity is per chunk");
        assertFalse(c1.part("b", "valid").b1(0));
        assertEquals(Arrays.toString(new String[] {"1"}), Arrays.toString(c1.stringList("cpos", 0)));
    }
}
