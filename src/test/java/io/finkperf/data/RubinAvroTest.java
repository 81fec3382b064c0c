package io.finkperf.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.batch.WrittenBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Rubin alerts of {@code datasets/rubin/part-2-918301.avro} (schema lsst.v10_0 as Fink
 * distributes it), read through Spark's Avro source. Expected values were decoded from the file
 * independently of Spark (a plain Avro binary decoder over the embedded writer schema, concatenating
 * {@code prvDiaSources[*].X} then {@code diaSource.X} in stored order).
 */
class RubinAvroTest extends LocalSparkTest {

    private static final List<String> HISTORY = List.of("cmidpointMjdTai", "cband", "cpsfFlux", "cpsfFluxErr");

    @TempDir
    Path tmp;

    private WrittenBatch batch(Path data, List<String> columns) {
        try (AlertData alerts = AlertData.open(data, Survey.RUBIN, spark)) {
            assertEquals(7, alerts.count());
            assertEquals("rubin", alerts.detectedSchema());
            alerts.writeBatch(columns, 0, tmp.resolve("b"), 10_000);
        }
        return new WrittenBatch(tmp.resolve("b"));
    }

    private WrittenBatch history() {
        List<String> cols = new java.util.ArrayList<>(List.of("diaSourceId", "diaObject.diaObjectId"));
        cols.addAll(HISTORY);
        return batch(TestData.RUBIN_AVRO, cols);
    }

    /** The entries of {@code list} at {@code indices}, to check several with one assertion. */
    static double[] at(double[] list, int... indices) {
        return IntStream.of(indices).mapToDouble(i -> list[i]).toArray();
    }

    static float[] at(float[] list, int... indices) {
        float[] out = new float[indices.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = list[indices[i]];
        }
        return out;
    }

    static String[] at(String[] list, int... indices) {
        return IntStream.of(indices).mapToObj(i -> list[i]).toArray(String[]::new);
    }

    @Nested
    class HistoryColumns {

        /** Rows are in diaSourceId order; lengths are len(prvDiaSources) + 1, or 1 where it is null. */
        @Test
        void everyAlertHasItsHistoryPlusTheCurrentPoint() throws Exception {
            WrittenBatch b = history();
            long[] ids = {170094456248729605L, 170094456251351059L, 170094456272322680L, 170094456277565473L,
                    170094456480989258L, 170094456523456557L, 170094456528175205L};
            int[] lengths = {304, 320, 346, 392, 1, 377, 1};
            for (int row = 0; row < ids.length; row++) {
                assertEquals(ids[row], b.part("diaSourceId", "values").i8(row), "row " + row);
                for (String c : HISTORY) {
                    int[] range = b.range(c, row);
                    assertEquals(lengths[row], range[1] - range[0], c + " row " + row);
                }
            }
        }

        /** diaSourceId 170094456248729605: 303 previous DiaSources, stored g then i (not re-sorted). */
        @Test
        void historyFirstInStoredOrderCurrentLast() throws Exception {
            WrittenBatch b = history();
            int[] firstSecondCurrent = {0, 1, 303};
            assertArrayEquals(new double[] {61033.284792668026, 61090.04758412875, 61105.093643486834},
                    at(b.f8List("cmidpointMjdTai", 0), firstSecondCurrent));
            assertArrayEquals(new float[] {4160.4677734375f, 5931.08203125f, 8130.5458984375f},
                    at(b.f4List("cpsfFlux", 0), firstSecondCurrent));
            assertArrayEquals(new float[] {259.7447204589844f, 382.55767822265625f, 513.67578125f},
                    at(b.f4List("cpsfFluxErr", 0), firstSecondCurrent));
            assertArrayEquals(new String[] {"g", "i", "i"}, at(b.stringList("cband", 0), firstSecondCurrent));
            assertEquals(313893023095193658L, b.part("diaObject.diaObjectId", "values").i8(0));
        }

        /** diaSourceId 170094456272322680: fluxes go negative in the difference image, and stay as stored. */
        @Test
        void negativeDifferenceFluxesAreKept() throws Exception {
            WrittenBatch b = history();
            assertArrayEquals(new float[] {9024.9677734375f, 8100.46923828125f, -3965.54443359375f, -19549.39453125f},
                    at(b.f4List("cpsfFlux", 2), 0, 1, 95, 345));
            assertArrayEquals(new String[] {"i", "i", "i"}, java.util.Arrays.copyOf(b.stringList("cband", 2), 3));
        }

        /** diaSourceIds 170094456480989258 and 170094456528175205: prvDiaSources null, one point each. */
        @Test
        void nullHistoryGivesTheCurrentPointAlone() throws Exception {
            WrittenBatch b = history();
            assertArrayEquals(new double[] {61105.095800699935}, b.f8List("cmidpointMjdTai", 4));
            assertArrayEquals(new float[] {15362.61328125f}, b.f4List("cpsfFlux", 4));
            assertArrayEquals(new float[] {406.541015625f}, b.f4List("cpsfFluxErr", 4));
            assertArrayEquals(new String[] {"i"}, b.stringList("cband", 4));
            assertArrayEquals(new float[] {10148.4013671875f}, b.f4List("cpsfFlux", 6));
            assertArrayEquals(new float[] {407.6048889160156f}, b.f4List("cpsfFluxErr", 6));
            assertTrue(!b.has("cpsfFlux", "valid"), "no null flux in this sample");
        }
    }

    @Nested
    class Sources {

        @Test
        void aFolderOfAvroPartsIsReadLikeOneFile() throws Exception {
            Path dir = Files.createDirectories(tmp.resolve("transfer"));
            Files.copy(TestData.RUBIN_AVRO, dir.resolve("part-2-918301.avro"));
            try (AlertData alerts = AlertData.open(dir, Survey.RUBIN, spark)) {
                assertEquals(7, alerts.count());
                assertTrue(alerts.availableColumns().contains("xm.simbad_otype"),
                        "Fink's added values come along: " + alerts.availableColumns());
            }
        }

        @Test
        void mixingParquetAndAvroIsRefusedNamingBoth() throws Exception {
            Path dir = Files.createDirectories(tmp.resolve("mixed"));
            Files.copy(TestData.RUBIN_AVRO, dir.resolve("a.avro"));
            Files.copy(TestData.RUBIN, dir.resolve("b.parquet"));
            DataException e = assertThrows(DataException.class, () -> AlertData.open(dir, Survey.RUBIN, spark));
            assertEquals(DataException.Kind.UNSUPPORTED, e.kind());
            assertTrue(e.getMessage().contains("a.avro") && e.getMessage().contains("b.parquet"), e.getMessage());
        }

        @Test
        void aZtfReadOfTheRubinAvroSaysWhichSurveyItIs() {
            DataException e = assertThrows(DataException.class,
                    () -> AlertData.open(TestData.RUBIN_AVRO, Survey.ZTF, spark));
            assertTrue(e.getMessage().contains("use --survey rubin"), e.getMessage());
        }
    }
}
