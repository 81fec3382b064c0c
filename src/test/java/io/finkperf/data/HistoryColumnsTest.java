package io.finkperf.data;

import io.finkperf.batch.WrittenBatch;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** c* columns against values looked up by hand in the bundled alerts (see each case). */
class HistoryColumnsTest extends LocalSparkTest {

    @TempDir
    Path tmp;

    private WrittenBatch batch(Path file, Survey survey, List<String> columns, String name) {
        try (AlertData data = AlertData.open(file, survey, spark)) {
            data.writeBatch(columns, 0, tmp.resolve(name), 10_000);
        }
        return new WrittenBatch(tmp.resolve(name));
    }

    @Nested
    class ZtfRaw {

        /** ZTF18abctvau (candid 975188145615015025): 9 previous points, the 7th an upper limit. */
        @Test
        void pastPointsFirstCurrentLastUpperLimitKept() throws Exception {
            WrittenBatch b = batch(TestData.ZTF_RAW, Survey.ZTF,
                    List.of("objectId", "cjd", "cfid", "cmagpsf", "cisdiffpos", "cdiffmaglim"), "raw");
            int row = b.rowOf("objectId", "ZTF18abctvau");
            assertArrayEquals(new double[] {2458699.8325347, 2458704.8258796, 2458709.6847106, 2458713.7319097,
                    2458716.7622454, 2458719.815162, 2458722.804919, 2458725.6679977, 2458725.7316204,
                    2458729.6881481}, b.f8List("cjd", row));
            assertArrayEquals(new int[] {2, 1, 1, 2, 1, 2, 2, 1, 2, 2}, b.i4List("cfid", row));
            float[] mag = b.f4List("cmagpsf", row);
            assertArrayEquals(new float[] {13.079f, 15.2659f, 15.1907f, 12.8096f, 15.0665f, 12.7329f, Float.NaN,
                    15.1584f, 12.8479f, 13.245115f}, mag);
            assertArrayEquals(new boolean[] {true, true, true, true, true, true, false, true, true, true},
                    b.validList("cmagpsf", row));
            assertArrayEquals(new String[] {"t", "t", "t", "t", "t", "t", null, "t", "t", "t"},
                    b.stringList("cisdiffpos", row));
            float[] lim = b.f4List("cdiffmaglim", row);
            assertEquals(19.4793f, lim[6]);
            assertEquals(16.429531f, lim[9]);
        }

        @Test
        void everyHistoryColumnOfARowHasTheSameLength() throws Exception {
            List<String> cols = HistoryColumns.ZTF_FIELDS.stream().map(f -> "c" + f).toList();
            WrittenBatch b = batch(TestData.ZTF_RAW, Survey.ZTF, cols, "lengths");
            for (int row = 0; row < 51; row++) {
                int[] jd = b.range("cjd", row);
                for (String c : cols) {
                    assertArrayEquals(jd, b.range(c, row), c + " row " + row);
                }
            }
        }
    }

    /** ZTF24aahsmkt (candid 2667258636015015007): 11 previous detections, no upper limit. */
    @Test
    void ftransferIsRebuiltFromPrvCandidatesNotTakenFromItsCmagpsf() throws Exception {
        WrittenBatch b = batch(TestData.ZTF_FTRANSFER, Survey.ZTF, List.of("objectId", "cjd", "cmagpsf", "cfid"), "ft");
        int row = b.rowOf("objectId", "ZTF24aahsmkt");
        double[] jd = b.f8List("cjd", row);
        assertEquals(12, jd.length);
        assertEquals(2460395.763287, jd[0]);
        assertEquals(2460421.7586343, jd[11]);
        float[] mag = b.f4List("cmagpsf", row);
        assertEquals((float) 18.82740020751953, mag[0]);
        assertEquals((float) 18.489194869995117, mag[11]);
        assertArrayEquals(new int[] {2, 1, 2, 1, 2, 2, 1, 1, 1, 2, 2}, java.util.Arrays.copyOf(b.i4List("cfid", row), 11));
        assertTrue(!b.has("cjd", "valid"), "cjd has no nulls");
    }

    @Test
    void rawAndFtransferShareNoObjectSoTheirCjdCannotBeCompared() {
        // The raw sample is from 2019, the Data Transfer sample from 2024: no objectId in common,
        // so the "same object, same cjd" check is covered by the per-file hand values above.
        try (AlertData raw = AlertData.open(TestData.ZTF_RAW, Survey.ZTF, spark);
                AlertData ft = AlertData.open(TestData.ZTF_FTRANSFER, Survey.ZTF, spark)) {
            assertEquals("ztf-raw", raw.detectedSchema());
            assertEquals("ztf-ftransfer", ft.detectedSchema());
        }
    }

    @Nested
    class Rubin {

        /** diaSourceId 169813006111211588: two previous DiaSources; 169813006111211570: prvDiaSources null. */
        @Test
        void historyFromPrvDiaSourcesAndOnePointWhenNull() throws Exception {
            WrittenBatch b = batch(TestData.RUBIN, Survey.RUBIN,
                    List.of("diaSourceId", "cmidpointMjdTai", "cband", "cpsfFlux", "cpsfFluxErr"), "rubin");
            // Stable order is by diaSourceId: ...570 is row 0, ...588 row 1.
            assertArrayEquals(new double[] {61026.21943972506, 61026.220270894584, 61041.22124337929},
                    b.f8List("cmidpointMjdTai", 1));
            assertArrayEquals(new float[] {1103.2301025390625f, 1196.4359130859375f, 1742.0401611328125f},
                    b.f4List("cpsfFlux", 1));
            assertArrayEquals(new float[] {184.8121795654297f, 185.06163024902344f, 276.4938049316406f},
                    b.f4List("cpsfFluxErr", 1));
            assertArrayEquals(new String[] {"i", "i", "i"}, b.stringList("cband", 1));
            assertArrayEquals(new double[] {61041.22124337929}, b.f8List("cmidpointMjdTai", 0));
            assertArrayEquals(new float[] {1425.945556640625f}, b.f4List("cpsfFlux", 0));
            assertEquals(169813006111211570L, b.part("diaSourceId", "values").i8(0));
        }
    }

    /** A small in-test dataset: two raw alerts whose prv_candidates are made null and empty. */
    @Test
    void nullAndEmptyPrvCandidatesGiveOnePointLightCurves() throws Exception {
        Dataset<Row> raw = spark.read().parquet(TestData.ZTF_RAW.toString()).drop("cutoutScience", "cutoutTemplate",
                "cutoutDifference");
        DataType prvType = raw.schema().apply("prv_candidates").dataType();
        Dataset<Row> two = raw.filter(col("objectId").isin("ZTF18abctvau", "ZTF19aardyqo"))
                .withColumn("prv_candidates", when(col("objectId").equalTo("ZTF18abctvau"), lit(null).cast(prvType))
                        .otherwise(array().cast(prvType)));
        Path file = tmp.resolve("no-history");
        two.coalesce(1).write().parquet(file.toString());
        WrittenBatch b = batch(file, Survey.ZTF, List.of("objectId", "cjd", "cmagpsf"), "nohist");
        int nullRow = b.rowOf("objectId", "ZTF18abctvau");
        int emptyRow = b.rowOf("objectId", "ZTF19aardyqo");
        assertArrayEquals(new double[] {2458729.6881481}, b.f8List("cjd", nullRow));
        assertArrayEquals(new float[] {13.245115f}, b.f4List("cmagpsf", nullRow));
        assertArrayEquals(new float[] {14.516206f}, b.f4List("cmagpsf", emptyRow));
    }
}
