package io.finkperf.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {

    @TempDir
    Path dir;

    static List<HistoryRecord> run(String runId, String... modules) {
        Random rnd = new Random(runId.hashCode());
        List<HistoryRecord> out = new ArrayList<>();
        for (String m : modules) {
            HistoryRecord r = HistoryFixtures.record(m, 1, 1000, 0.018, HistoryFixtures.MACHINE_A, rnd);
            out.add(new HistoryRecord(r.schema(), runId, r.module(), r.type(), r.status(), r.commit(), r.scienceVersion(),
                    r.recordedAt(), r.toolVersion(), r.survey(), r.mode(), r.nAlerts(), r.dataSha256(), r.fingerprint(),
                    r.calibration(), r.rates(), r.reportLink()));
        }
        return out;
    }

    @Test
    void recordsRoundTripWithTheirRawSamples() {
        HistoryStore store = new HistoryStore(dir);
        List<HistoryRecord> written = run("r1", "slow_lc", "lc_features");
        store.append(written);
        assertEquals(written, store.readAll());
        assertEquals(written.get(0).rates(), store.readAll().get(0).rates());
    }

    @Test
    void twoConcurrentAppendsKeepBothRecords() throws Exception {
        HistoryStore a = new HistoryStore(dir);
        HistoryStore b = new HistoryStore(dir);
        int rounds = 50;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> fa = pool.submit(() -> {
                go.await();
                for (int i = 0; i < rounds; i++) {
                    a.append(run(HistoryStore.newRunId("2026-11-29T08:00:00Z", "a".repeat(40)), "slow_lc"));
                }
                return null;
            });
            Future<?> fb = pool.submit(() -> {
                go.await();
                for (int i = 0; i < rounds; i++) {
                    b.append(run(HistoryStore.newRunId("2026-11-29T08:00:00Z", "a".repeat(40)), "slow_lc"));
                }
                return null;
            });
            go.countDown();
            fa.get();
            fb.get();
        } finally {
            pool.shutdownNow();
        }
        List<HistoryRecord> all = new HistoryStore(dir).readAll();
        assertEquals(2 * rounds, all.size());
        assertEquals(2 * rounds, all.stream().map(HistoryRecord::runId).collect(Collectors.toSet()).size());
        try (Stream<Path> files = Files.list(dir.resolve(HistoryStore.RUNS))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void runFilesAreReadableByOthers() throws Exception {
        Path f = new HistoryStore(dir).append(run("r1", "slow_lc"));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void aRunIsNeverOverwritten() {
        HistoryStore store = new HistoryStore(dir);
        store.append(run("same", "slow_lc"));
        assertThrows(java.io.UncheckedIOException.class, () -> store.append(run("same", "slow_lc")));
        assertEquals(1, store.readAll().size());
    }

    @Test
    void aBadLineIsNamedByFileAndLine() throws Exception {
        HistoryStore store = new HistoryStore(dir);
        Path f = store.append(run("r1", "slow_lc", "lc_features"));
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        lines.set(1, "{not json");
        Files.write(f, lines);
        HistoryException e = assertThrows(HistoryException.class, store::readAll);
        assertTrue(e.getMessage().startsWith(f + ":2: not a history record"), e.getMessage());
    }

    @Test
    void anotherSchemaIsRefused() throws Exception {
        HistoryStore store = new HistoryStore(dir);
        Path f = store.append(run("r1", "slow_lc"));
        Files.writeString(f, Files.readString(f).replace(HistoryRecord.SCHEMA, "fink-perf/history/9"));
        HistoryException e = assertThrows(HistoryException.class, store::readAll);
        assertTrue(e.getMessage().contains("schema fink-perf/history/9, this fink-perf reads fink-perf/history/1"), e.getMessage());
    }

    @Test
    void runIdsAreUniqueAndFileNameSafe() {
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            String id = HistoryStore.newRunId("2026-11-29T08:15:02.123Z", "1a2b3c4d5e6f");
            assertTrue(id.matches("2026-11-29T08-15-02Z-1a2b3c4d-[0-9a-f]{8}"), id);
            ids.add(id);
        }
        assertEquals(100, ids.size());
    }

    @Test
    void aMissingStoreIsNamed() {
        HistoryException e = assertThrows(HistoryException.class, () -> new HistoryStore(dir.resolve("nope")).readAll());
        assertEquals(HistoryException.Kind.BAD_STORE, e.kind());
        assertTrue(e.getMessage().contains("nope"));
    }
}
