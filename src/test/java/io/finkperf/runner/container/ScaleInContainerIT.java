package io.finkperf.runner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.ObservedTiming;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunResults;
import io.finkperf.results.ScaleResult;
import io.finkperf.results.ScaleTiming;
import io.finkperf.testing.FinkPerfCli;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fink-perf scale --runner container}: the scale driver runs in the image and still recovers known costs. */
class ScaleInContainerIT {

    static final Path FIXTURES = Path.of(System.getProperty("finkperf.projectDir", ".")).toAbsolutePath()
            .resolve("src/test/resources/scale");

    @Test
    void fixedCostColdStartAndMemoryFromInsideTheImage(@TempDir Path out) throws IOException {
        ContainerRunnerIT.requireEngine();
        FinkPerfCli.Run run = FinkPerfCli.run("scale", "--runner", "container", "--image", ContainerRunnerIT.IMAGE,
                "--pull", "never", "--science-dir", FIXTURES.resolve("science").toString(),
                "--registry", FIXTURES.resolve("registry-ztf.yaml").toString(), "--modules", "import_sleep,fixed_cost",
                "--batch-sizes", "1,10,100,1000", "--lengths", "5,20", "--output", out.toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.stderr());
        RunResults r = ResultsJson.read(out.resolve("results.json"));
        assertEquals("container", r.config().runner());
        ScaleResult fixed = r.scale().modules().stream().filter(m -> m.module().equals("fixed_cost")).findFirst().orElseThrow();
        assertEquals(5e6, fixed.costFit().aNs(), 0.2 * 5e6, () -> "a = " + fixed.costFit().aNs());
        assertNotNull(fixed.memory(), "clear_refs works inside the container");
        ScaleResult sleep = r.scale().modules().stream().filter(m -> m.module().equals("import_sleep")).findFirst().orElseThrow();
        assertEquals(0.2e9, sleep.cold().coldExtraNs(), 0.2 * 0.2e9, () -> sleep.cold().toString());
        assertTrue(fixed.night().coreSeconds() > 0);
        // timed from outside the container's driver too: the supervisor (PID 1) read 5 ms of CPU per call in /proc
        ScaleTiming t = fixed.timing();
        assertEquals(ObservedTiming.JVM_ROUND_TRIP, t.timedBy());
        assertTrue(t.cpuVisible());
        List<Long> cpu = t.measurements().get(1).cpuNs();
        double median = cpu.stream().sorted().toList().get(cpu.size() / 2);
        assertEquals(5e6, median, 0.2 * 5e6, () -> "warm calls' CPU as the supervisor read it: " + cpu);
    }
}
