package io.finkperf.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.ModuleResult;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunResults;
import io.finkperf.results.SparkModeResult;
import io.finkperf.runner.local.PythonLocator;
import io.finkperf.testing.FinkPerfCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs' cluster recipe, for real: spark-bench against a standalone Master + Worker running as
 * separate JVMs, the fink-perf jar on the executors through {@code spark.jars}; once with shared
 * paths (this checkout), once with {@code --ship}. The worker has 2 cores and 2 GB: the shared run
 * asks for exactly that (2 executors of 1 core, 1 GB), the shipped run for 3 executors, of which
 * the cluster can grant only 2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkStandaloneIT {

    static final Path PROJECT = Path.of(System.getProperty("finkperf.projectDir", ".")).toAbsolutePath();
    static final int WORKER_CORES = 2;

    StandaloneSparkCluster cluster;
    Run shared;
    Run shipped;

    @RegisterExtension
    final TestWatcher dumpClusterLogsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (cluster != null) {
                System.err.println(cluster.logs());
            }
        }
    };

    record Run(int exitCode, String stderr, RunResults results) {
    }

    @BeforeAll
    void startClusterAndBench(@TempDir Path dir) throws IOException {
        cluster = StandaloneSparkCluster.start(PROJECT, dir.resolve("cluster"), WORKER_CORES, "2g");
        shared = bench(dir.resolve("shared"), "--modules", "lc_features,early_classifier", "--total-memory", "2",
                "--loops", "2");
        shipped = bench(dir.resolve("shipped"), "--ship", "--modules", "lc_features", "--total-memory", "3", "--loops", "1");
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    Run bench(Path out, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("spark-bench", "--master", cluster.url(), "--core-per-executor", "1",
                "--gb-per-executor", "1", "--python", PythonLocator.find(null), "--conf", "spark.jars=" + finkPerfJar(),
                "--warmup", "0", "--quiet", "--output", out.toString()));
        cmd.addAll(List.of(args));
        FinkPerfCli.Run run = FinkPerfCli.run(cmd);
        Path json = out.resolve("results.json");
        return new Run(run.exitCode(), run.stderr(), Files.exists(json) ? ResultsJson.read(json) : null);
    }

    /** The jar `mvn package` built before the integration tests (not the sources or tests jar). */
    static Path finkPerfJar() throws IOException {
        try (Stream<Path> files = Files.list(PROJECT.resolve("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("fink-perf-[^-]+(-SNAPSHOT)?\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no fink-perf jar in target/: run mvn package first"));
        }
    }

    static SparkModeResult spark(ModuleResult m) {
        return m.extra().sparkResult();
    }

    static List<SparkModeResult.Task> tasks(ModuleResult m) {
        List<SparkModeResult.Task> all = new ArrayList<>();
        for (SparkModeResult.Loop loop : spark(m).loops()) {
            all.addAll(loop.tasks());
        }
        return all;
    }

    @Test
    void bothRunsSucceed() {
        assertEquals(0, shared.exitCode(), shared.stderr());
        assertEquals(0, shipped.exitCode(), shipped.stderr());
        assertEquals(List.of("lc_features", "early_classifier"),
                shared.results().modules().stream().map(ModuleResult::name).toList());
        assertEquals("spark " + cluster.url(), shared.results().config().runner());
    }

    @Test
    void outputsEqualDirectMode() {
        for (Run run : List.of(shared, shipped)) {
            for (ModuleResult m : run.results().modules()) {
                SparkModeResult s = spark(m);
                assertTrue(s.equivalent(), m.name());
                assertEquals(s.directOutputHash(), m.outputHash(), m.name());
                assertEquals(72, m.nAlerts(), m.name());
            }
        }
    }

    @Test
    void coresUsedAreTheCoresTheWorkerGranted() {
        for (ModuleResult m : shared.results().modules()) {
            assertEquals(WORKER_CORES, spark(m).coresUsed(), m.name());
            assertEquals(2, spark(m).partitions(), m.name());
        }
        ModuleResult m = shipped.results().modules().get(0);
        assertEquals(3, spark(m).plannedCores());
        assertEquals(WORKER_CORES, spark(m).coresUsed());
    }

    @Test
    void tasksRanInExecutorJvmsOfTheWorker() {
        for (Run run : List.of(shared, shipped)) {
            for (ModuleResult m : run.results().modules()) {
                List<SparkModeResult.Task> tasks = tasks(m);
                assertFalse(tasks.isEmpty(), m.name());
                for (SparkModeResult.Task t : tasks) {
                    assertNotEquals("driver", t.executorId(), m.name() + ": " + t);
                    assertTrue(t.executorId().matches("\\d+"), m.name() + ": " + t);
                    assertEquals("127.0.0.1", t.host(), m.name() + ": " + t);
                }
            }
        }
    }

    @Test
    void decompositionExplainsTheWallTime() {
        for (ModuleResult m : shared.results().modules()) {
            SparkModeResult.Decomposition d = spark(m).decomposition();
            assertTrue(d.withinTolerance(), m.name() + ": " + d);
            assertTrue(d.part(OverheadDecomposition.COMPUTE) > 0, m.name());
            assertTrue(d.part(OverheadDecomposition.PYTHON_START) > 0, m.name());
        }
    }
}
