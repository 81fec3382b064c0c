package io.finkperf.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.ModuleResult;
import io.finkperf.results.SparkModeResult;
import io.finkperf.results.SparkTimingCheck;
import io.finkperf.testing.RunOnce;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * spark-bench end to end on local[2], the bundled alerts and example modules: early_classifier
 * needs xm_local, so its Spark run reads a column produced in direct mode.
 */
class SparkBenchIT extends RunOnce {

    @Override
    protected List<String> command(Path out) {
        return List.of("spark-bench", "--master", "local[2]", "--no-python-worker-reuse",
                "--modules", "lc_features,early_classifier",
                "--loops", "2", "--warmup", "0", "--quiet", "--output", out.toString());
    }

    @Test
    void runsBothModulesInSparkMode() {
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("spark", results.config().mode());
        assertEquals(List.of("lc_features", "early_classifier"), results.modules().stream().map(ModuleResult::name).toList());
    }

    @Test
    void outputsEqualDirectMode() {
        for (ModuleResult m : results.modules()) {
            SparkModeResult s = spark(m);
            assertNotNull(s.directOutputHash(), m.name());
            assertEquals(s.directOutputHash(), m.outputHash(), m.name());
            assertTrue(s.equivalent(), m.name());
            assertEquals(72, m.nAlerts(), m.name());
        }
    }

    @Test
    void decompositionExplainsTheWallTimeWithinTenPercent() {
        for (ModuleResult m : results.modules()) {
            SparkModeResult.Decomposition d = spark(m).decomposition();
            double total = d.totalSeconds();
            double explained = d.explainedSeconds();
            assertTrue(total > 0, m.name());
            assertTrue(Math.abs(total - explained) <= SparkBench.TOLERANCE * total,
                    m.name() + ": explained " + explained + " of " + total);
            assertEquals(OverheadDecomposition.PARTS, List.copyOf(d.parts().keySet()));
            assertTrue(d.part(OverheadDecomposition.COMPUTE) > 0, m.name());
            assertTrue(d.part(OverheadDecomposition.PYTHON_START) > 0, m.name());
        }
    }

    @Test
    void throughputIsPositiveAndComparedWithDirectMode() {
        for (ModuleResult m : results.modules()) {
            SparkModeResult s = spark(m);
            assertTrue(s.throughputPerCore() > 0, m.name());
            assertTrue(s.directThroughputPerCore() > 0, m.name());
            assertEquals(2, s.coresUsed());
            assertEquals(2, m.samplesNs().size());
            assertTrue(m.throughputStats().mean() > 0, m.name());
        }
    }

    @Test
    void withoutReuseEveryTaskStartsItsOwnPythonWorker() {
        for (ModuleResult m : results.modules()) {
            assertFalse(spark(m).pythonWorkerReuse());
            for (SparkModeResult.Loop loop : spark(m).loops()) {
                for (SparkModeResult.Partition p : loop.partitions()) {
                    assertFalse(p.reusedWorker(), m.name());
                }
            }
        }
    }

    @Test
    void theWorkersTimingsFitWhatTheExecutorObserved() {
        for (ModuleResult m : results.modules()) {
            SparkTimingCheck c = spark(m).timingCheck();
            assertEquals(2 * 2, c.tasks(), m.name());
            assertEquals(0, c.tasksWithCpu(), m.name() + ": a worker per task is reaped before its CPU time can be read");
            assertTrue(Double.isNaN(c.cpuOverAllowedMax()), m.name());
            assertTrue(c.observedOverReportedMin() > 1, m.name() + ": a fresh worker's call includes its start: " + c);
            assertTrue(c.unaccountedOverAllowedMax() < 1, m.name() + ": " + c);
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

    static SparkModeResult spark(ModuleResult m) {
        return m.extra().sparkResult();
    }
}
