package io.finkperf.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finkperf.batch.BatchWriter;
import io.finkperf.runner.local.PythonLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reused Python workers, against the real {@code spark_worker --serve} (no Spark needed). */
class PythonWorkerPoolTest {

    static final Path PROJECT = Path.of(System.getProperty("finkperf.projectDir", ".")).toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path science;
    Path batch;

    @BeforeEach
    void moduleAndBatch() throws IOException {
        science = tmp.resolve("science");
        Files.createDirectories(science.resolve("pkg"));
        Files.writeString(science.resolve("pkg/__init__.py"), "");
        Files.writeString(science.resolve("pkg/m.py"), """
                import time
                def double(x):
                    return x * 2
                def slow(x):
                    time.sleep(30)
                    return x
                """);
        batch = tmp.resolve("batch");
        List<InternalRow> rows = IntStream.range(0, 10).mapToObj(i -> (InternalRow) new GenericInternalRow(new Object[] {i * 1.5})).toList();
        BatchWriter.writeRows(rows.iterator(), DataTypes.createStructType(List.of(
                DataTypes.createStructField("x", DataTypes.DoubleType, true))), batch, 4, "test", "ztf");
    }

    final PythonWorkerPool pool = new PythonWorkerPool();

    @AfterEach
    void closeWorkers() {
        pool.close();
    }

    final AtomicInteger cleanups = new AtomicInteger();

    WorkerCommand serve() {
        ProcessBuilder pb = new ProcessBuilder(PythonLocator.find(null), "-m", "fink_perf_driver.spark_worker", "--serve");
        pb.environment().put("PYTHONPATH", PROJECT.resolve("python").toString());
        return new WorkerCommand(pb, cleanups::incrementAndGet, p -> java.util.OptionalLong.of(p.pid()));
    }

    Path spec(String name, String function) throws IOException {
        var spec = JSON.createObjectNode().put("module", "m").put("entry", function.contains(":") ? function : "pkg.m:" + function).put("call", "pandas_udf")
                .put("science_dir", science.toString()).put("batch", batch.toString())
                .put("output", tmp.resolve(name + ".json").toString()).put("output_stream", tmp.resolve(name + ".bin").toString());
        spec.putArray("args").addObject().put("column", "x");
        Path file = tmp.resolve(name + ".spec.json");
        JSON.writeValue(file.toFile(), spec);
        return file;
    }

    JsonNode result(String name) throws IOException {
        return JSON.readTree(tmp.resolve(name + ".json").toFile());
    }

    static boolean endsWithin(PooledWorker w, long ms) throws InterruptedException {
        long deadline = System.currentTimeMillis() + ms;
        while (w.alive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        return !w.alive();
    }

    @Test
    void aWorkerGivenBackServesTheNextTaskWithoutRestarting() throws Exception {
        PooledWorker first = pool.borrow("m", serve());
        assertTrue(first.fresh());
        assertEquals(OptionalInt.of(0), first.run(spec("a", "double"), 60));
        pool.giveBack("m", first);

        PooledWorker again = pool.borrow("m", serve());
        assertSame(first, again);
        assertFalse(again.fresh());
        assertEquals(OptionalInt.of(0), again.run(spec("b", "double"), 60));

        assertFalse(result("a").path("reused").asBoolean());
        assertTrue(result("b").path("reused").asBoolean());
        assertEquals(10, result("b").path("n_alerts").asInt());
        assertEquals(result("a").path("output_hash"), result("b").path("output_hash"));
        assertTrue(Files.size(tmp.resolve("b.bin")) > 0);
    }

    @Test
    void theWorkersCpuTimeIsReadFromOutsideAndGrowsWithItsWork() throws Exception {
        Files.writeString(science.resolve("pkg/busy.py"), """
                import time
                def spin(x):
                    end = time.process_time() + 0.2
                    while time.process_time() < end:
                        pass
                    return x
                """);
        PooledWorker w = pool.borrow("m", serve());
        assertEquals(OptionalInt.of(0), w.run(spec("a", "double"), 60));
        long before = w.cpuNs().orElseThrow();
        assertTrue(before > 0, "interpreter start and imports cost CPU");
        long t0 = System.nanoTime();
        assertEquals(OptionalInt.of(0), w.run(spec("b", "pkg.busy:spin"), 60));
        long wall = System.nanoTime() - t0;
        long spent = w.cpuNs().orElseThrow() - before;
        // the module spins 0.2 s of CPU in its call, which the kernel counted, within the call's wall time
        assertTrue(spent >= 190_000_000L, "CPU during the call: " + spent);
        assertTrue(spent <= wall, "CPU " + spent + " within the round trip " + wall);
    }

    @Test
    void borrowingForAnotherModuleEndsTheIdleWorkersOfTheFirst() throws Exception {
        PooledWorker w = pool.borrow("m", serve());
        assertEquals(OptionalInt.of(0), w.run(spec("a", "double"), 60));
        pool.giveBack("m", w);
        assertEquals(1, pool.idleCount());

        PooledWorker other = pool.borrow("n", serve());
        assertNotSame(w, other);
        assertEquals(0, pool.idleCount());
        assertTrue(endsWithin(w, 10_000), "the idle worker of the first module is ended (off the task's clock)");
        other.close();
    }

    @Test
    void aWorkerThatDoesNotAnswerInTimeIsKilled() throws Exception {
        PooledWorker w = pool.borrow("m", serve());
        assertEquals(OptionalInt.empty(), w.run(spec("s", "slow"), 2));
        assertFalse(w.alive());
        assertEquals(1, cleanups.get(), "what the kill leaves behind (a container) is cleaned up");
    }

    @Test
    void aFailedSpecEndsTheWorkerWithTheDriversExitCode() throws Exception {
        PooledWorker w = pool.borrow("m", serve());
        assertEquals(OptionalInt.of(4), w.run(spec("e", "missing_function"), 60));
        assertEquals("import", result("e").path("error").path("kind").asText());
        w.close();
        assertFalse(w.alive());
    }

    @Test
    void closingThePoolEndsItsIdleWorkersAndAnyGivenBackLater() throws Exception {
        PooledWorker idle = pool.borrow("m", serve());
        PooledWorker busy = pool.borrow("m", serve());
        assertEquals(OptionalInt.of(0), idle.run(spec("a", "double"), 60));
        pool.giveBack("m", idle);

        pool.close();
        assertFalse(idle.alive(), "idle workers end with the pool");
        assertTrue(busy.alive(), "a worker still running a task is left to finish it");
        pool.giveBack("m", busy);
        assertFalse(busy.alive(), "given back to a closed pool: ended at once");
        assertEquals(0, pool.idleCount());
    }

    @Test
    void theExecutorsPoolIsOneUntilClosedThenANewOne() {
        PythonWorkerPool first = ExecutorWorkerPool.get();
        try {
            assertSame(first, ExecutorWorkerPool.get());
        } finally {
            ExecutorWorkerPool.close();
        }
        PythonWorkerPool second = ExecutorWorkerPool.get();
        ExecutorWorkerPool.close();
        assertNotSame(first, second);
    }
}
