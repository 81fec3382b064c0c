package io.finkperf.cli;

import static io.finkperf.testing.ModuleAssertions.assertFailed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.EnergyResult;
import io.finkperf.results.FunctionProfile;
import io.finkperf.results.LineStat;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunResults;
import io.finkperf.testing.FinkPerfCli;
import io.finkperf.testing.FinkPerfCli.Run;
import io.finkperf.testing.RunOnce;
import io.finkperf.testing.TestScience;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end on the bundled data and example modules, and on bad input. */
class ProfileCommandIT {

    static final Path PROJECT = Path.of(System.getProperty("finkperf.projectDir", ".")).toAbsolutePath();

    static Run fink(String... args) {
        return FinkPerfCli.run(args);
    }

    @Nested
    class BundledExamples extends RunOnce {

        @Override
        protected List<String> command(Path out) {
            return List.of("profile", "--output", out.toString(), "--loops", "3", "--warmup", "1", "--quiet");
        }

        @Test
        void exitsZeroWithEveryModulePresent() {
            assertEquals(0, run.exitCode(), run.stderr());
            assertEquals(List.of("xmatch_local", "lc_features", "early_classifier", "slow_lc"),
                    results.modules().stream().map(ModuleResult::name).toList());
        }

        @Test
        void everyModuleHasRawSamplesAndPositiveThroughput() {
            for (ModuleResult m : results.modules()) {
                assertEquals(ModuleStatus.OK, m.status(), m.name() + ": " + m.error());
                assertEquals(72, m.nAlerts(), m.name());
                assertEquals(3, m.samplesNs().size(), m.name());
                assertEquals(1, m.warmupNs().size(), m.name());
                assertTrue(m.samplesNs().stream().allMatch(ns -> ns > 0), m.name());
                assertTrue(m.throughputStats().mean() > 0, m.name());
                assertTrue(m.peakRssBytes() > 10L << 20, m.name() + " rss " + m.peakRssBytes());
                assertNotNull(m.outputHash(), m.name());
                assertTrue(Files.isRegularFile(out.resolve("line_profile_" + m.name() + ".txt")), m.name());
            }
        }

        @Test
        void slowModulesHotLineHoldsMostOfItsTime() throws IOException {
            ModuleResult slow = results.module("slow_lc").orElseThrow();
            FunctionProfile sf = slow.lineProfile().functions().stream()
                    .filter(f -> f.function().equals("structure_function")).findFirst().orElseThrow();
            LineStat hottest = sf.lines().stream().max(Comparator.comparingLong(LineStat::timeNs)).orElseThrow();
            assertTrue(hottest.source().contains("total +="), hottest.source());
            assertTrue(hottest.timeNs() > 0.5 * sf.totalNs(), hottest.timeNs() + " of " + sf.totalNs());
            String text = Files.readString(out.resolve("line_profile_slow_lc.txt"));
            assertTrue(text.contains("Line #      Hits         Time  Per Hit   % Time  Line Contents"), text);
            assertTrue(text.contains("Function: structure_function at line"), text);
        }

        @Test
        void producedInputIsRecorded() {
            ModuleResult clf = results.module("early_classifier").orElseThrow();
            assertEquals("module:xmatch_local", clf.inputs().get("xm_local"));
            assertEquals("data", clf.inputs().get("cjd"));
        }

        @Test
        void environmentIsRecorded() {
            assertEquals("ztf-ftransfer", results.environment().dataSchema());
            assertEquals("0.1.0-examples", results.environment().scienceVersion());
            assertTrue(results.environment().cores() >= 1);
            assertFalse(String.valueOf(results.environment().python().get("numpy")).isBlank());
            assertEquals(RunResults.SCHEMA, results.schema());
        }
    }

    @Nested
    class NAlerts {

        @TempDir
        Path out;

        @Test
        void replicatesToExactlyNWithoutAnEnergyBaselineWhenAskedTo() throws IOException {
            Run r = fink("profile", "--output", out.toString(), "--modules", "lc_features", "--n-alerts", "500",
                    "--loops", "1", "--warmup", "0", "--no-line-profile", "--quiet", "--energy-baseline-max", "0");
            assertEquals(0, r.exitCode(), r.stderr());
            ModuleResult m = ResultsJson.read(out.resolve("results.json")).module("lc_features").orElseThrow();
            assertEquals(500, m.nAlerts());
            EnergyResult e = m.extra().energy();
            assertTrue(e.notes().contains("no baseline B: the driver ran none (--energy-baseline-max 0)"), e.notes().toString());
            assertEquals(0.0, e.baselineJ());
        }
    }

    @Nested
    class BadInput {

        @TempDir
        Path tmp;

        @Test
        void missingDataFile() {
            Run r = fink("profile", "--output", tmp.toString(), "--data", tmp.resolve("nope.parquet").toString());
            assertEquals(3, r.exitCode(), r.stderr());
            assertTrue(r.stderr().lines().anyMatch(l -> l.startsWith("fink-perf: ") && l.contains("nope.parquet")), r.stderr());
        }

        @Test
        void corruptDataFile() throws IOException {
            Path bad = tmp.resolve("bad.parquet");
            Files.writeString(bad, "this is not parquet");
            Run r = fink("profile", "--output", tmp.resolve("o").toString(), "--data", bad.toString());
            assertEquals(3, r.exitCode(), r.stderr());
            assertTrue(r.stderr().contains("bad.parquet"), r.stderr());
        }

        @Test
        void unknownModule() {
            Run r = fink("profile", "--output", tmp.toString(), "--modules", "lc_features,nosuchmodule");
            assertEquals(4, r.exitCode(), r.stderr());
            assertTrue(r.stderr().contains("unknown module 'nosuchmodule'"), r.stderr());
        }

        @Test
        void pythonMissing() {
            Run r = fink("profile", "--output", tmp.toString(), "--python", "/nonexistent/python3");
            assertEquals(8, r.exitCode(), r.stderr());
            assertTrue(r.stderr().contains("/nonexistent/python3"), r.stderr());
        }

        @Test
        void badOptionIsUsageError() {
            assertEquals(2, fink("profile", "--loops", "0").exitCode());
            assertEquals(2, fink("profile", "--timeout", "soon").exitCode());
            assertEquals(2, fink("profile", "--energy-baseline-max", "-5").exitCode());
            assertEquals(2, fink("profile", "--mode", "spark", "--gb-per-executor", "0").exitCode());
        }

        @Test
        void failingModulesDoNotStopTheOthers() throws IOException {
            Path science = tmp.resolve("science");
            Path pkg = TestScience.module(science, "bad", """
                    import time
                    import pandas as pd
                    from pyspark.sql.functions import pandas_udf
                    from pyspark.sql.types import DoubleType

                    @pandas_udf(DoubleType())
                    def boom(cjd):
                        raise ValueError("bad light curve")

                    @pandas_udf(DoubleType())
                    def hang(cjd):
                        time.sleep(3600)

                    @pandas_udf(DoubleType())
                    def fine(cjd):
                        return pd.Series([float(len(x)) for x in cjd])
                    """);
            Files.writeString(pkg.resolve("needs_pkg.py"), """
                    import not_a_real_package_xyz
                    def f(cjd):
                        return cjd
                    """);
            Path registry = tmp.resolve("bad.yaml");
            Files.writeString(registry, """
                    schema: fink-perf/registry/1
                    survey: ztf
                    modules:
                      - {name: boom, entry: "fink_science.ztf.bad.processor:boom", type: feature, args: [cjd], output: boom}
                      - {name: hang, entry: "fink_science.ztf.bad.processor:hang", type: feature, args: [cjd], output: hang}
                      - {name: needs_pkg, entry: "fink_science.ztf.bad.needs_pkg:f", type: feature, args: [cjd], output: np}
                      - {name: fine, entry: "fink_science.ztf.bad.processor:fine", type: feature, args: [cjd], output: fine}
                    """);
            Path out = tmp.resolve("out");
            Run r = fink("profile", "--science-dir", science.toString(), "--registry", registry.toString(),
                    "--output", out.toString(), "--loops", "2", "--warmup", "0", "--timeout", "5s", "--quiet");
            assertEquals(5, r.exitCode(), "first failure is the exception: " + r.stderr());
            RunResults res = ResultsJson.read(out.resolve("results.json"));
            assertFailed(res, "boom", ModuleStatus.ERROR, "ValueError: bad light curve");
            assertEquals(ModuleStatus.TIMEOUT, res.module("hang").orElseThrow().status());
            assertFailed(res, "needs_pkg", ModuleStatus.MISSING_PACKAGE, "not_a_real_package_xyz");
            ModuleResult fine = res.module("fine").orElseThrow();
            assertEquals(ModuleStatus.OK, fine.status());
            assertEquals(2, fine.samplesNs().size());
        }
    }
}
