package io.finkperf.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.cli.ExitCode;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunResults;
import io.finkperf.results.SparkFailure;
import io.finkperf.results.SparkModeResult;
import io.finkperf.results.SparkTimingCheck;
import io.finkperf.testing.FinkPerfCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spark mode's attacks in one {@code profile --mode spark --runner container} (one Spark session,
 * workers kept across tasks in their containers): the workers' user, and workers that forge the
 * phase timings they report. The direct pass runs them all honestly; only in Spark workers do the
 * forgers slow their clocks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkAttackIT {

    static final Path PROJECT = AttackProfileIT.PROJECT;

    FinkPerfCli.Run run;
    RunResults results;

    @BeforeAll
    void profileInSpark(@TempDir Path out) throws IOException {
        AttackSuiteIT.requireEngine();
        run = FinkPerfCli.run("profile", "--mode", "spark", "--master", "local[2]", "--runner", "container",
                "--science-dir", PROJECT.resolve("src/test/resources/attacks/science").toString(),
                "--registry", PROJECT.resolve("src/test/resources/attacks/registry-spark.yaml").toString(),
                "--modules", "all", "--data", PROJECT.resolve("datasets/ztf/ftransfer_sample_72.parquet").toString(),
                "--image", AttackSuiteIT.IMAGE, "--pull", "never", "--loops", "3", "--warmup", "0", "--no-line-profile",
                "--energy-baseline-max", "0", "--quiet", "--output", out.toString());
        results = ResultsJson.read(out.resolve("results.json"));
    }

    ModuleResult module(String name) {
        return results.module(name).orElseThrow();
    }

    @Test
    void theRunFailsAsUntrusted() {
        assertEquals(ExitCode.UNTRUSTED.code(), run.exitCode(), run.stderr());
        assertEquals("spark", results.config().mode());
    }

    @Test
    void sparkWorkersRunAsNobodyWhenTheJvmIsRoot() {
        // whoami raises unless it runs as 65534 and outputs its uid: equal to the direct pass's (a
        // container as nobody) only when the Spark workers ran as nobody too
        ModuleResult m = module("whoami");
        assertEquals(ModuleStatus.OK, m.status(), String.valueOf(m.error()));
        SparkModeResult spark = m.extra().sparkResult();
        assertTrue(spark.equivalent(), spark.outputHash() + " vs direct " + spark.directOutputHash());
    }

    @Test
    void anHonestModuleIsTrustedWithItsWorkersCpuReadFromOutside() {
        ModuleResult m = module("honest");
        assertEquals(ModuleStatus.OK, m.status(), String.valueOf(m.error()));
        SparkTimingCheck check = m.extra().sparkResult().timingCheck();
        assertEquals(2 * 3, check.tasks());
        assertTrue(check.tasksWithCpu() >= 2 * 2, "kept workers' CPU read through the engine's pid: " + check);
        assertTrue(check.observedOverReportedMin() >= 1, String.valueOf(check));
        assertEquals(0, check.tasksDisagreeing(), String.valueOf(check));
        System.out.println("SparkAttackIT honest margins: " + check);
    }

    @Test
    void aResultLinkedToAHostFileIsNeverRead() throws IOException {
        ModuleResult m = module("symlink_worker_result");
        assertEquals(ModuleStatus.ERROR, m.status());
        assertEquals("untrusted", m.error().kind(), m.error().message());
        assertTrue(m.error().message().contains("result.json is a symbolic link"), m.error().message());
        String firstLine = Files.readAllLines(Path.of("/etc/passwd")).get(0);
        String firstToken = firstLine.substring(0, firstLine.indexOf(':'));
        String everything = m.error().message() + ((SparkFailure) m.extra().spark()).errors() + run.stderr();
        assertTrue(!everything.contains(firstLine) && !everything.contains("'" + firstToken + "'"), everything);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"forge_worker_clock", "forge_worker_clocks"})
    void aWorkerThatForgesItsTimingsIsNotTrusted(String name) {
        ModuleResult m = module(name);
        assertEquals(ModuleStatus.ERROR, m.status());
        assertEquals("untrusted", m.error().kind(), m.error().message());
        assertTrue(m.error().message().contains("results not trusted in Spark mode"), m.error().message());
        assertEquals(0, m.samplesNs().size(), "no forged sample published");
        assertInstanceOf(SparkFailure.class, m.extra().spark());
        System.out.println("SparkAttackIT " + name + ": " + m.error().message());
    }
}
