package io.finkperf.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Schema detection, the column catalogue, folder layouts and the manifest. */
class AlertDataTest extends LocalSparkTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> bundled() {
        return Stream.of(
                Arguments.of(TestData.ZTF_RAW, Survey.ZTF, "ztf-raw", 51L),
                Arguments.of(TestData.ZTF_FTRANSFER, Survey.ZTF, "ztf-ftransfer", 72L),
                Arguments.of(TestData.RUBIN, Survey.RUBIN, "rubin", 25L));
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void detectsSchemaAndCounts(Path file, Survey survey, String schema, long rows) {
        try (AlertData data = AlertData.open(file, survey, spark)) {
            assertEquals(schema, data.detectedSchema());
            assertEquals(rows, data.count());
        }
    }

    @Test
    void ztfColumnsAsModulesSpellThem() {
        try (AlertData raw = AlertData.open(TestData.ZTF_RAW, Survey.ZTF, spark);
                AlertData ft = AlertData.open(TestData.ZTF_FTRANSFER, Survey.ZTF, spark)) {
            Set<String> r = raw.availableColumns();
            assertTrue(r.containsAll(List.of("objectId", "candid", "candidate.ra", "candidate.magpsf", "cjd", "cfid",
                    "cmagpsf", "csigmapsf", "cmagnr", "csigmagnr", "cisdiffpos", "cdistnr", "cdiffmaglim", "cra", "cdec")));
            assertFalse(r.contains("cutoutScience"), "cutouts are not read");
            assertFalse(r.contains("cutoutScience.stampData"));
            assertTrue(ft.availableColumns().containsAll(List.of("cdsxmatch", "roid", "mangrove.2MASS_name", "t2.SNIa",
                    "candidate.jd", "cmagpsf")));
        }
    }

    @Test
    void ftransferIsCastToTheRawTypes() throws Exception {
        try (AlertData ft = AlertData.open(TestData.ZTF_FTRANSFER, Survey.ZTF, spark)) {
            Path out = tmp.resolve("types");
            ft.writeBatch(List.of("candidate.fid", "candidate.magpsf", "cmagpsf", "cfid", "candidate.ndethist",
                    "cdsxmatch", "roid"), 5, out, 100);
            JsonNode cols = TestData.manifest(out).get("columns");
            assertEquals("int32", cols.get(0).get("dtype").asText());
            assertEquals("float32", cols.get(1).get("dtype").asText());
            assertEquals("list", cols.get(2).get("kind").asText());
            assertEquals("float32", cols.get(2).get("dtype").asText());
            assertEquals("int32", cols.get(3).get("dtype").asText());
            assertEquals("int32", cols.get(4).get("dtype").asText());
            assertEquals("string", cols.get(5).get("dtype").asText());
            assertEquals("int64", cols.get(6).get("dtype").asText(), "Fink-added columns keep the file's type");
        }
    }

    @Test
    void rubinColumns() {
        try (AlertData rubin = AlertData.open(TestData.RUBIN, Survey.RUBIN, spark)) {
            assertTrue(rubin.availableColumns().containsAll(List.of("diaSourceId", "diaSource.psfFlux",
                    "diaSource.midpointMjdTai", "diaObject.diaObjectId", "ssSource.ssObjectId", "cmidpointMjdTai",
                    "cband", "cpsfFlux", "cpsfFluxErr")));
        }
    }

    @Test
    void dataTransferFolderPartitionedByFinkclass() throws Exception {
        Path dir = tmp.resolve("ftransfer");
        spark.read().parquet(TestData.ZTF_FTRANSFER.toString())
                .selectExpr("*", "CASE WHEN candid % 2 = 0 THEN 'SN candidate' ELSE 'Unknown' END AS finkclass")
                .write().partitionBy("finkclass").parquet(dir.toString());
        try (AlertData data = AlertData.open(dir, Survey.ZTF, spark)) {
            assertEquals(72, data.count());
            assertEquals("ztf-ftransfer", data.detectedSchema());
            assertTrue(data.availableColumns().contains("finkclass"));
            Path out = tmp.resolve("fromfolder");
            data.writeBatch(List.of("objectId", "finkclass", "cjd"), 0, out, 10_000);
            assertEquals(72, TestData.manifest(out).get("n_rows").asLong());
        }
    }

    @Test
    void nestedFolderWithoutPartitionsIsReadRecursively() throws Exception {
        Path dir = tmp.resolve("nested");
        Files.createDirectories(dir.resolve("night1/part"));
        Files.createDirectories(dir.resolve("night2"));
        Files.copy(TestData.ZTF_RAW, dir.resolve("night1/part/a.parquet"));
        Files.copy(TestData.ZTF_RAW, dir.resolve("night2/b.parquet"));
        try (AlertData data = AlertData.open(dir, Survey.ZTF, spark)) {
            assertEquals(102, data.count());
        }
    }

    @Test
    void manifestFollowsTheContract() throws Exception {
        try (AlertData ft = AlertData.open(TestData.ZTF_FTRANSFER, Survey.ZTF, spark)) {
            Path out = tmp.resolve("manifest");
            ft.writeBatch(List.of("cmagpsf", "objectId"), 0, out, 10_000);
            JsonNode m = TestData.manifest(out);
            assertEquals("fink-perf-batch/1", m.get("format").asText());
            assertEquals(72, m.get("n_rows").asLong());
            assertEquals(10_000, m.get("chunk_rows").asInt());
            assertEquals(TestData.ZTF_FTRANSFER.toString(), m.get("source").asText());
            assertEquals("ztf", m.get("survey").asText());
            assertEquals("chunk-00000", m.get("chunks").get(0).get("dir").asText());
            assertEquals(72, m.get("chunks").get(0).get("n_rows").asLong());
            assertEquals("cmagpsf", m.get("columns").get(0).get("name").asText());
            assertEquals("list", m.get("columns").get(0).get("kind").asText());
            assertEquals("float32", m.get("columns").get(0).get("dtype").asText());
            assertEquals("scalar", m.get("columns").get(1).get("kind").asText());
            assertEquals("string", m.get("columns").get(1).get("dtype").asText());
        }
    }
}
