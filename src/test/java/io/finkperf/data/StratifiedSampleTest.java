package io.finkperf.data;

import io.finkperf.batch.BatchWriter;
import io.finkperf.batch.NpyArray;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --sample-by/--per-class: the first N of each class by candid, deterministically. */
class StratifiedSampleTest extends LocalSparkTest {

    private AlertData alerts;

    @TempDir
    Path tmp;

    @BeforeAll
    void open() {
        alerts = AlertData.open(TestData.ZTF_FTRANSFER, Survey.ZTF, spark);
    }

    @AfterAll
    void close() {
        alerts.close();
    }

    private long[] candids(Path batch) throws Exception {
        NpyArray a = TestData.npy(batch, BatchWriter.chunkDir(0), "candid", "values");
        long[] out = new long[(int) a.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.i8(i);
        }
        return out;
    }

    @Test
    void firstNOfEachClassByCandid() throws Exception {
        int n = 3;
        Map<String, List<Long>> byClass = new HashMap<>();
        for (Row r : spark.read().parquet(TestData.ZTF_FTRANSFER.toString()).select(col("cdsxmatch"), col("candid"))
                .collectAsList()) {
            byClass.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getLong(1));
        }
        List<Long> expected = new ArrayList<>();
        for (List<Long> c : byClass.values()) {
            c.sort(null);
            expected.addAll(c.subList(0, Math.min(n, c.size())));
        }
        expected.sort(null);
        AlertData sample = alerts.stratified(new StratifiedSample("cdsxmatch", n));
        long[] got = candids(sample.writeBatch(List.of("candid", "cdsxmatch"), 0, tmp.resolve("a"), 10_000).dir());
        assertEquals(expected, Arrays.stream(got).boxed().toList());
        long[] again = candids(alerts.stratified(new StratifiedSample("cdsxmatch", n))
                .writeBatch(List.of("candid"), 0, tmp.resolve("b"), 10_000).dir());
        assertArrayEquals(got, again);
    }

    @Test
    void unknownColumnSaysSo() {
        DataException e = assertThrows(DataException.class, () -> alerts.stratified(new StratifiedSample("nope", 2)));
        assertEquals(DataException.Kind.MISSING_COLUMN, e.kind());
    }
}
