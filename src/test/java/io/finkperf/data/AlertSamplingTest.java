package io.finkperf.data;

import io.finkperf.batch.BatchInfo;
import io.finkperf.batch.BatchWriter;
import io.finkperf.batch.NpyArray;
import io.finkperf.batch.WrittenBatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --n-alerts: exact counts, stable order, cyclic replication, chunking. */
class AlertSamplingTest extends LocalSparkTest {

    private AlertData raw;

    @TempDir
    Path tmp;

    @BeforeAll
    void open() {
        raw = AlertData.open(TestData.ZTF_RAW, Survey.ZTF, spark);
    }

    @AfterAll
    void close() {
        raw.close();
    }

    private long[] candids(Path batch, int chunk) throws Exception {
        NpyArray a = TestData.npy(batch, BatchWriter.chunkDir(chunk), "candid", "values");
        long[] out = new long[(int) a.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.i8(i);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 10, 51})
    void upToCountKeepsTheFirstNByCandid(long n) throws Exception {
        Path out = tmp.resolve("first-" + n);
        BatchInfo info = raw.writeBatch(List.of("candid", "objectId"), n, out, 10_000);
        assertEquals(n, info.nRows());
        long[] c = candids(out, 0);
        assertEquals(n, c.length);
        assertEquals(975188140015015027L, c[0], "smallest candid of the file first");
        for (int i = 1; i < c.length; i++) {
            assertTrue(c[i - 1] < c[i], "ascending candid at " + i);
        }
    }

    @Test
    void allAlertsWhenNIsZero() throws Exception {
        BatchInfo info = raw.writeBatch(List.of("candid"), 0, tmp.resolve("all"), 10_000);
        assertEquals(51, info.nRows());
        assertEquals(51, TestData.manifest(tmp.resolve("all")).get("n_rows").asLong());
    }

    @Test
    void moreThanCountRepeatsTheFileCyclically() throws Exception {
        Path all = tmp.resolve("src");
        raw.writeBatch(List.of("candid"), 0, all, 10_000);
        long[] source = candids(all, 0);
        Path out = tmp.resolve("rep");
        BatchInfo info = raw.writeBatch(List.of("candid", "cmagpsf"), 130, out, 10_000);
        assertEquals(130, info.nRows());
        long[] c = candids(out, 0);
        assertEquals(130, c.length);
        for (int i = 0; i < c.length; i++) {
            assertEquals(source[i % 51], c[i], "row " + i);
        }
        WrittenBatch b = new WrittenBatch(out);
        for (int i : new int[] {7, 58, 109}) {
            assertArrayEquals(b.f4List("cmagpsf", 7), b.f4List("cmagpsf", i), "replica of row 7 at " + i);
        }
    }

    @Test
    void sameRequestGivesTheSameBytes() throws Exception {
        raw.writeBatch(List.of("objectId", "cmagpsf"), 77, tmp.resolve("a"), 10_000);
        raw.writeBatch(List.of("objectId", "cmagpsf"), 77, tmp.resolve("b"), 10_000);
        for (String f : List.of("objectId.values.npy", "cmagpsf.values.npy", "cmagpsf.offsets.npy")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a/chunk-00000").resolve(f)),
                    Files.readAllBytes(tmp.resolve("b/chunk-00000").resolve(f)), f);
        }
    }

    @Test
    void chunksHoldAtMostChunkRowsAndContinueTheOrder() throws Exception {
        Path out = tmp.resolve("chunks");
        raw.writeBatch(List.of("candid", "cjd"), 120, out, 50);
        JsonNode m = TestData.manifest(out);
        assertEquals(3, m.get("chunks").size());
        assertEquals(List.of(50L, 50L, 20L), List.of(m.get("chunks").get(0).get("n_rows").asLong(),
                m.get("chunks").get(1).get("n_rows").asLong(), m.get("chunks").get(2).get("n_rows").asLong()));
        long[] first = candids(out, 0);
        long[] second = candids(out, 1);
        assertEquals(first[0], second[1], "row 51 (second chunk, index 1) is source row 0 again");
    }
}
