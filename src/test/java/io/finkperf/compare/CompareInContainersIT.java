package io.finkperf.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.Comparison;
import io.finkperf.results.ComparisonJson;
import io.finkperf.results.ComparisonModule;
import io.finkperf.results.ComparisonVerdict;
import io.finkperf.testing.FinkPerfCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --runner container}: base, head and the A/A process each in a container of the test
 * image; the JVM still reads their CPU clocks in /proc under the host pids the engine reports.
 */
class CompareInContainersIT {

    static final String IMAGE = System.getProperty("finkperf.testImage", "fink-perf-test-python:bookworm");

    @TempDir
    Path tmp;

    @Test
    void both_sides_run_in_containers_and_the_slowdown_is_flagged() throws IOException, InterruptedException {
        requireEngine();
        Path base = CompareExamplesIT.copy(tmp, "base");
        Path head = CompareExamplesIT.copy(tmp, "head");
        CompareExamplesIT.edit(head.resolve(CompareExamplesIT.SLOW_LC), "total += d2 / (1.0 + dt / tau)",
                "total += d2 / (1.0 + dt / tau) + 0.0 * tau");
        Path out = tmp.resolve("out");

        FinkPerfCli.Run run = FinkPerfCli.run("compare", "--base", base.toString(), "--head", head.toString(),
                "--modules", "slow_lc", "--runner", "container", "--image", IMAGE, "--pull", "never",
                "--quiet", "-o", out.toString());

        assertEquals(0, run.exitCode(), run.stderr());
        Comparison c = ComparisonJson.read(out.resolve("compare.json"));
        assertEquals("container", c.settings().runner());
        ComparisonModule m = c.modules().get(0);
        assertEquals(ComparisonVerdict.SLOWER, m.verdict(), m.time() + " noise " + m.noiseFloor());
        assertTrue(m.samples().cpuFromHost(), "host pids from the engine, CPU read in /proc");
        assertEquals(IMAGE, c.environment().runner().get("image"));
        assertFalse(leftoverContainers(), "every warm container removed");
    }

    /** As the container runner's ITs: without an engine this fails, saying what to do, unless told to skip. */
    static void requireEngine() {
        String host = System.getenv("DOCKER_HOST");
        if (host == null || host.isBlank()) {
            Assumptions.assumeFalse("1".equals(System.getenv("FINK_PERF_SKIP_CONTAINER_TESTS")),
                    "FINK_PERF_SKIP_CONTAINER_TESTS=1: container ITs skipped");
            throw new AssertionError("DOCKER_HOST is not set: run `source scripts/podman-env.sh` before the container "
                    + "ITs (or set FINK_PERF_SKIP_CONTAINER_TESTS=1 to skip them deliberately)");
        }
    }

    private static boolean leftoverContainers() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("podman", "ps", "-a", "--format", "{{.Names}}").redirectErrorStream(true).start();
        String names = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return List.of(names.split("\n")).stream()
                .anyMatch(n -> n.startsWith("fink-perf-warm-" + ProcessHandle.current().pid() + "-"));
    }
}
