package io.finkperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.ModuleResult;
import io.finkperf.results.ObservedTiming;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunResults;
import io.finkperf.results.ScaleMeasurementTiming;
import io.finkperf.results.ScaleResult;
import io.finkperf.results.ScaleTiming;
import io.finkperf.testing.FinkPerfCli;
import io.finkperf.testing.FinkPerfCli.Run;
import io.finkperf.testing.RunOnce;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fink-perf scale} end to end: known cost shapes are recovered from real driver runs. */
class ScaleCommandIT {

    static final Path PROJECT = Path.of(System.getProperty("finkperf.projectDir", ".")).toAbsolutePath();
    static final Path FIXTURES = PROJECT.resolve("src/test/resources/scale");

    static ScaleResult module(RunResults r, String name) {
        return r.scale().modules().stream().filter(m -> m.module().equals(name)).findFirst().orElseThrow();
    }

    @Nested
    class TestModulesWithAKnownCost extends RunOnce {

        @Override
        protected List<String> command(Path out) {
            return List.of("scale", "--science-dir", FIXTURES.resolve("science").toString(), "--registry",
                    FIXTURES.resolve("registry-ztf.yaml").toString(), "--modules", "import_sleep,fixed_cost",
                    "--batch-sizes", "1,10,100,1000", "--lengths", "5,20", "--output", out.toString(), "--quiet");
        }

        @Test
        void aFixedFiveMillisecondsPerCallIsTheInterceptA() {
            assertEquals(0, run.exitCode(), run.stderr());
            ScaleResult m = module(results, "fixed_cost");
            assertEquals(5e6, m.costFit().aNs(), 0.2 * 5e6, () -> "a = " + m.costFit().aNs());
            assertTrue(m.costFit().bNs() < 1e3, () -> "b = " + m.costFit().bNs());
        }

        @Test
        void aTwoTenthsOfASecondImportIsTheColdStart() {
            ScaleResult m = module(results, "import_sleep");
            assertEquals(0.2e9, m.cold().coldExtraNs(), 0.2 * 0.2e9, () -> m.cold().toString());
            assertTrue(m.cold().importNs() >= 0.2e9, m.cold().toString());
        }

        @Test
        void theNightAndTheChartsAreWritten() throws IOException {
            for (String f : List.of("scale.md", "scale_cost.png", "scale_length.png", "scale_night.png", "summary.md")) {
                assertTrue(Files.size(out.resolve(f)) > 0, f);
            }
            String md = Files.readString(out.resolve("scale.md"));
            assertTrue(md.contains("The whole science pipeline needs"), md);
            // 200 000 ZTF alerts in calls of 10 000: 20 × a
            ScaleResult m = module(results, "fixed_cost");
            assertEquals(20 * m.costFit().aNs() / 1e9 + 200_000 * m.costFit().bNs() / 1e9, m.night().coreSeconds(), 1e-9);
        }
    }

    @Nested
    class BundledExamples extends RunOnce {

        @Override
        protected List<String> command(Path out) {
            return List.of("scale", "--modules", "lc_features,slow_lc", "--batch-sizes", "1,100,1000",
                    "--output", out.toString(), "--quiet");
        }

        @Test
        void theSlowModuleIsQuadraticInLightCurveLength() {
            assertEquals(0, run.exitCode(), run.stderr());
            Double k = module(results, "slow_lc").lengthFit().exponent();
            assertNotNull(k);
            assertTrue(k >= 1.7 && k <= 2.3, "slow_lc exponent " + k);
        }

        @Test
        void theFeatureModuleIsLinear() {
            Double k = module(results, "lc_features").lengthFit().exponent();
            assertNotNull(k);
            assertTrue(k >= 0.7 && k <= 1.3, "lc_features exponent " + k);
        }

        @Test
        void everyCallWasRequestedAndTimedByFinkPerf() {
            for (String name : List.of("lc_features", "slow_lc")) {
                ScaleTiming t = module(results, name).timing();
                assertEquals(ObservedTiming.JVM_ROUND_TRIP, t.timedBy(), name);
                assertTrue(t.cpuVisible(), name);
                ScaleMeasurementTiming warm = t.measurements().get(1);
                assertEquals("warm", warm.name());
                List<Long> wall = module(results, name).warm().wallNs();
                assertEquals(wall.size(), warm.roundTripNs().size());
                for (int i = 0; i < wall.size(); i++) {
                    assertTrue(warm.roundTripNs().get(i) >= wall.get(i), name + ": the round trip holds the call");
                }
                // one call in ten may be preempted in the relay; the honest figures are the driver's otherwise
                assertTrue(t.fromJvm() <= t.calls() / 10, name + ": " + t.fromJvm() + " of " + t.calls());
            }
        }

        @Test
        void theCostlyBranchComesFromTheLineProfile() {
            var b = module(results, "slow_lc").branch();
            assertEquals("structure_function", b.function());
            assertTrue(b.perAlert() && b.calls() > 0 && b.calls() <= 72, b.toString());
        }
    }

    @Test
    void profileWithScaleAddsTheSectionToItsReport(@TempDir Path dir) throws IOException {
        Run run = FinkPerfCli.run("profile", "--scale", "--modules", "lc_features", "--batch-sizes", "1,100",
                "--lengths", "5,20", "--loops", "2", "--energy-baseline-max", "0", "--output", dir.toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.stderr());
        RunResults r = ResultsJson.read(dir.resolve("results.json"));
        assertEquals(2, r.modules().get(0).samplesNs().size(), "profile's own loops are kept");
        ScaleResult m = module(r, "lc_features");
        assertTrue(m.ok() && m.costFit().bNs() > 0, m.toString());
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("## What a night costs"));
        assertTrue(Files.readString(dir.resolve("index.html")).contains("id=\"scale\""));
    }

    /** The CPU clock the cost model is fitted on, slowed 100 times in the driver: not trusted, exit 23. */
    @Test
    void aCpuClockSlowedInScaleCallsIsNotTrusted(@TempDir Path dir) throws IOException {
        Path attacks = PROJECT.resolve("src/test/resources/attacks");
        Run run = FinkPerfCli.run("scale", "--science-dir", attacks.resolve("science").toString(), "--registry",
                attacks.resolve("registry-scale.yaml").toString(), "--batch-sizes", "1,100", "--output", dir.toString(), "--quiet");
        assertEquals(23, run.exitCode(), run.stderr());
        RunResults r = ResultsJson.read(dir.resolve("results.json"));
        ScaleResult forged = module(r, "slow_cpu_clock");
        assertEquals("error", forged.status());
        Matcher why = Pattern.compile("^untrusted: results not trusted: the module reports"
                + " ([0-9.]+) ms of CPU time per call but its process spent ([0-9.]+) ms").matcher(forged.message());
        assertTrue(why.find(), forged.message());
        assertTrue(Double.parseDouble(why.group(1)) < 1 && Double.parseDouble(why.group(2)) >= 15, "20 ms of CPU reported as"
                + " 0.2 ms: " + forged.message());
        assertTrue(r.modules().stream().allMatch(ModuleResult::ok), "its profile pass (process-wide CPU) is not fooled, only scale's clock");
        assertTrue(module(r, "honest").ok(), "the honest module next to it is measured");
    }

    @Test
    void badSettingsAreUsageErrors() {
        Run r = FinkPerfCli.run("scale", "--batch-sizes", "100");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("--batch-sizes needs at least two different sizes"), r.stderr());
        r = FinkPerfCli.run("scale", "--lengths", "0,5");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("--lengths must be integers >= 1"), r.stderr());
    }
}
