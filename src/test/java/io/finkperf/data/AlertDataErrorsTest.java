package io.finkperf.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each bad input gives its own {@link DataException.Kind} and a one-line message naming the culprit. */
class AlertDataErrorsTest extends LocalSparkTest {

    @TempDir
    Path tmp;

    private DataException openFails(Path p, Survey survey) {
        return assertThrows(DataException.class, () -> AlertData.open(p, survey, spark).close());
    }

    /** Opening {@code p} as ZTF data fails with {@code kind}, in one line naming {@code p}. */
    private void assertOpenFails(Path p, DataException.Kind kind) {
        DataException e = openFails(p, Survey.ZTF);
        assertEquals(kind, e.kind());
        assertOneLineNaming(e, p.toString());
    }

    private static void assertOneLineNaming(DataException e, String culprit) {
        assertTrue(e.getMessage().contains(culprit), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Nested
    class Files_ {

        @Test
        void missingFile() {
            assertOpenFails(tmp.resolve("nope.parquet"), DataException.Kind.MISSING);
        }

        @Test
        void emptyFolder() throws Exception {
            Path dir = Files.createDirectories(tmp.resolve("empty"));
            Files.createFile(dir.resolve("_SUCCESS"));
            assertOpenFails(dir, DataException.Kind.EMPTY);
        }

        @Test
        void garbageBytes() throws Exception {
            Path p = tmp.resolve("garbage.parquet");
            Files.write(p, "this is not parquet at all, just some bytes".getBytes());
            assertOpenFails(p, DataException.Kind.CORRUPT);
        }

        @Test
        void truncatedParquetKeepsItsMagicButNotItsFooter() throws Exception {
            byte[] real = Files.readAllBytes(TestData.ZTF_RAW);
            byte[] cut = new byte[4096];
            System.arraycopy(real, 0, cut, 0, 4092);
            System.arraycopy("PAR1".getBytes(), 0, cut, 4092, 4);
            Path p = tmp.resolve("truncated.parquet");
            Files.write(p, cut);
            assertOpenFails(p, DataException.Kind.CORRUPT);
        }

        @Test
        void fileWithNoRows() throws Exception {
            Path p = tmp.resolve("norows");
            spark.read().parquet(TestData.ZTF_RAW.toString()).limit(0).write().parquet(p.toString());
            assertOpenFails(p, DataException.Kind.EMPTY);
        }

        @Test
        void wrongSurvey() {
            DataException e = openFails(TestData.RUBIN, Survey.ZTF);
            assertEquals(DataException.Kind.UNSUPPORTED, e.kind());
            assertOneLineNaming(e, "rubin_sample.parquet");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xyz", "candidate.nope", "cutoutScience", "cpsfFlux"})
    void unknownColumn(String column) {
        try (AlertData data = AlertData.open(TestData.ZTF_RAW, Survey.ZTF, spark)) {
            DataException e = assertThrows(DataException.class,
                    () -> data.writeBatch(List.of("objectId", column), 1, tmp.resolve("b"), 10));
            assertEquals(DataException.Kind.MISSING_COLUMN, e.kind());
            assertOneLineNaming(e, "column '" + column + "' not in " + TestData.ZTF_RAW + " (ztf-raw schema)");
        }
    }

    @Test
    void surveyParse() {
        assertEquals(Survey.ZTF, Survey.parse("ztf"));
        assertEquals(Survey.RUBIN, Survey.parse("Rubin"));
        assertEquals(DataException.Kind.UNSUPPORTED,
                assertThrows(DataException.class, () -> Survey.parse("lsst")).kind());
    }
}
