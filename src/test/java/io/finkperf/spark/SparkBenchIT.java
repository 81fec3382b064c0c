package io.finkperf.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.ModuleResult;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunResults;
import io.finkperf.testing.FinkPerfCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * spark-bench end to end on local[2], the bundled alerts and example modules: early_classifier
 * needs xm_local, so its Spark run reads a column produced in direct mode.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkBenchIT {

    Path out;
    int exitCode;
    String stderr;
    RunResults results;

    @BeforeAll
    void runOnce(@TempDir Path dir) throws IOException {
        out = dir;
        FinkPerfCli.Run run = FinkPerfCli.run("spark-bench", "--master", "local[2]", "--no-python-worker-reuse",
                "--modules", "lc_features,early_classifier",
                "--loops", "2", "--warmup", "0", "--quiet", "--output", out.toString());
        exitCode = run.exitCode();
        stderr = run.stderr();
        results = ResultsJson.read(out.resolve("results.json"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spark(ModuleResult m) {
        return (Map<String, Object>) m.extra().get("spark");
    }

    @Test
    void runsBothModulesInSparkMode() {
        assertEquals(0, exitCode, stderr);
        assertEquals("spark", results.config().mode());
        assertEquals(List.of("lc_features", "early_classifier"), results.modules().stream().map(ModuleResult::name).toList());
    }

    @Test
    void outputsEqualDirectMode() {
        for (ModuleResult m : results.modules()) {
            Map<String, Object> s = spark(m);
            assertNotNull(s.get("directOutputHash"), m.name());
            assertEquals(s.get("directOutputHash"), m.outputHash(), m.name());
            assertEquals(Boolean.TRUE, s.get("equivalent"), m.name());
            assertEquals(72, m.nAlerts(), m.name());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void decompositionExplainsTheWallTimeWithinTenPercent() {
        for (ModuleResult m : results.modules()) {
            Map<String, Object> d = (Map<String, Object>) spark(m).get("decomposition");
            double total = ((Number) d.get("totalSeconds")).doubleValue();
            double explained = ((Number) d.get("explainedSeconds")).doubleValue();
            assertTrue(total > 0, m.name());
            assertTrue(Math.abs(total - explained) <= SparkBench.TOLERANCE * total,
                    m.name() + ": explained " + explained + " of " + total);
            Map<String, Number> parts = (Map<String, Number>) d.get("parts");
            assertEquals(OverheadDecomposition.PARTS, List.copyOf(parts.keySet()));
            assertTrue(parts.get(OverheadDecomposition.COMPUTE).doubleValue() > 0, m.name());
            assertTrue(parts.get(OverheadDecomposition.PYTHON_START).doubleValue() > 0, m.name());
        }
    }

    @Test
    void throughputIsPositiveAndComparedWithDirectMode() {
        for (ModuleResult m : results.modules()) {
            Map<String, Object> s = spark(m);
            assertTrue(((Number) s.get("throughputPerCore")).doubleValue() > 0, m.name());
            assertTrue(((Number) s.get("directThroughputPerCore")).doubleValue() > 0, m.name());
            assertEquals(2, ((Number) s.get("coresUsed")).intValue());
            assertEquals(2, m.samplesNs().size());
            assertTrue(m.throughputStats().mean() > 0, m.name());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutReuseEveryTaskStartsItsOwnPythonWorker() {
        for (ModuleResult m : results.modules()) {
            assertEquals(Boolean.FALSE, spark(m).get("pythonWorkerReuse"));
            for (Map<String, Object> loop : (List<Map<String, Object>>) spark(m).get("loops")) {
                for (Map<String, Object> p : (List<Map<String, Object>>) loop.get("partitions")) {
                    assertEquals(Boolean.FALSE, p.get("reusedWorker"), m.name());
                }
            }
        }
    }

    @Test
    void writesTableAndChart() throws IOException {
        String md = Files.readString(out.resolve(io.finkperf.report.SparkDecompositionMarkdown.FILE));
        assertTrue(md.contains("| early_classifier |"), md);
        assertTrue(md.contains(OverheadDecomposition.UNEXPLAINED), md);
        byte[] png = Files.readAllBytes(out.resolve(io.finkperf.report.SparkDecompositionChart.FILE));
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
    }
}
