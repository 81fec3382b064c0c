package io.finkperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finkperf.history.HistoryRecord;
import io.finkperf.history.HistoryStore;
import io.finkperf.results.Environment;
import io.finkperf.results.ModuleError;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunConfig;
import io.finkperf.results.RunResults;
import io.finkperf.testing.FinkPerfCli;
import io.finkperf.testing.FinkPerfCli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history append/report/export on the command line, with the real calibration in the real Python. */
class HistoryCommandIT {

    static final Path PROJECT = Path.of(System.getProperty("finkperf.projectDir", ".")).toAbsolutePath();

    @TempDir
    Path dir;

    /** A results.json of two modules (one failed), science dir not a git checkout, data the bundled sample. */
    Path results(String name, long slowNs) {
        Path science = dir.resolve("science-" + name);
        Environment env = new Environment("AMD EPYC", 2, 1L << 34, "Linux", "17", "host", science.toString(), "unknown",
                "8.53.0", PROJECT.resolve("datasets/ztf/ftransfer_sample_72.parquet").toString(), "ztf", "ztf",
                Map.of("python", "3.11.2", "numpy", "1.24.2"), Map.of("runner", "local", "python_executable", "/usr/bin/python3"));
        RunConfig config = new RunConfig("registry/examples-ztf.yaml", List.of("slow_lc", "lc_features"), 72, 1, 3, 10000, 600,
                "local", "direct");
        ModuleResult slow = ModuleResult.builder("slow_lc", "feature", "e:f", "slow_score").ok().nAlerts(72).nChunks(1)
                .loops(List.of(slowNs), List.of(slowNs, slowNs + 1000, slowNs - 1000)).peakRssBytes(1 << 26).build();
        ModuleResult failed = ModuleResult.builder("lc_features", "feature", "e:g", "lc")
                .failed(ModuleStatus.ERROR, new ModuleError("exception", "ValueError", "boom", null)).nAlerts(72).build();
        RunResults r = new RunResults(RunResults.SCHEMA, "0.1.0", "2026-11-29T08:00:00Z", "2026-11-29T08:01:00Z", env, config,
                List.of(slow, failed));
        Path file = dir.resolve(name).resolve("results.json");
        ResultsJson.write(r, file);
        return file;
    }

    @Test
    void appendTwiceThenReportAndExport() throws Exception {
        Path store = dir.resolve("store");
        Run a = FinkPerfCli.run("history", "append", results("a", 16_000_000).toString(), "--store", store.toString(),
                "--commit", "a".repeat(40), "--commit-date", "2026-01-01T00:00:00Z", "--tag", "v8.53.0",
                "--calibration-repeats", "3");
        assertEquals(0, a.exitCode(), a.stderr());
        Run b = FinkPerfCli.run("history", "append", results("b", 32_000_000).toString(), "--store", store.toString(),
                "--commit", "b".repeat(40), "--commit-date", "2026-01-02T00:00:00Z", "--report-url", "https://ci/run/2",
                "--calibration-repeats", "3");
        assertEquals(0, b.exitCode(), b.stderr());

        List<HistoryRecord> records = new HistoryStore(store).readAll();
        assertEquals(4, records.size(), "two runs of two modules");
        HistoryRecord first = records.stream().filter(r -> r.module().equals("slow_lc") && r.commit().sha().startsWith("a"))
                .findFirst().orElseThrow();
        assertEquals(72 / 0.016, first.raw(), 1.0, "median loop rate of the results' raw samples");
        assertEquals(List.of("v8.53.0"), first.commit().tags());
        assertEquals(64, first.dataSha256().length());
        assertEquals("/usr/bin/python3", first.calibration().executable(), "the Python the profile used");
        assertTrue(first.calibration().seconds() > 0);
        assertEquals("AMD EPYC", first.fingerprint().cpuModel());
        assertEquals("1.24.2", first.fingerprint().numpy());
        assertEquals(2, records.stream().filter(r -> r.status().equals("error")).count());

        Path site = dir.resolve("site");
        Run report = FinkPerfCli.run("history", "report", "--store", store.toString(), "--output", site.toString());
        assertEquals(0, report.exitCode(), report.stderr());
        assertTrue(Files.isRegularFile(site.resolve("index.html")));
        assertTrue(Files.readString(site.resolve("slow_lc.html")).contains("<a href=\"https://ci/run/2\">report</a>"));

        Path input = dir.resolve("bench.json");
        Run export = FinkPerfCli.run("history", "export", "--store", store.toString(), "--format", "bench-input",
                "--measure", "raw", "--output", input.toString());
        assertEquals(0, export.exitCode(), export.stderr());
        JsonNode benches = new ObjectMapper().readTree(input.toFile());
        assertEquals(1, benches.size(), "the failed module has no value");
        assertEquals(72 / 0.032, benches.get(0).get("value").asDouble(), 0.1, "the latest run, raw");
    }

    @Nested
    class BadInput {

        Run fink(String... args) {
            return FinkPerfCli.run(args);
        }

        @Test
        void missingResultsFileIsUsage() {
            Run r = fink("history", "append", dir.resolve("nope.json").toString(), "--store", dir.toString());
            assertEquals(2, r.exitCode());
            assertTrue(r.stderr().contains("no such results file, or unreadable: "), r.stderr());
        }

        @Test
        void notAResultsFileIsBadData() throws Exception {
            Path f = Files.writeString(dir.resolve("x.json"), "{\"schema\": \"something/else\"}");
            Run r = fink("history", "append", f.toString(), "--store", dir.toString());
            assertEquals(3, r.exitCode(), r.stderr());
        }

        @Test
        void resultsAndBackfillTogetherIsUsage() {
            Run r = fink("history", "append", results("a", 1000).toString(), "--store", dir.toString(), "--backfill", "a..b");
            assertEquals(2, r.exitCode());
            assertTrue(r.stderr().contains("not both"), r.stderr());
        }

        @Test
        void backfillOutsideAGitCheckoutIsExit21() throws Exception {
            Path plain = Files.createDirectories(dir.resolve("plain"));
            Run r = fink("history", "append", "--store", dir.resolve("s").toString(), "--backfill", "a..b",
                    "--science-dir", plain.toString());
            assertEquals(21, r.exitCode(), r.stderr());
            assertTrue(r.stderr().contains("is not a git checkout"), r.stderr());
        }

        @Test
        void aCorruptStoreIsExit21NamingTheLine() throws Exception {
            Path runs = Files.createDirectories(dir.resolve("store/runs"));
            Files.writeString(runs.resolve("r.jsonl"), "{broken\n");
            Run r = fink("history", "report", "--store", dir.resolve("store").toString(), "--output", dir.resolve("site").toString());
            assertEquals(21, r.exitCode());
            assertTrue(r.stderr().contains("r.jsonl:1: not a history record"), r.stderr());
        }

        @Test
        void anUnusablePythonForCalibrationIsExit8() {
            Run r = fink("history", "append", results("a", 1000).toString(), "--store", dir.resolve("s").toString(),
                    "--python", "/nonexistent/python3");
            assertEquals(8, r.exitCode(), r.stderr());
            assertTrue(r.stderr().contains("/nonexistent/python3"), r.stderr());
        }

        @Test
        void anUnknownExportFormatIsUsage() {
            Run r = fink("history", "export", "--store", dir.toString(), "--format", "csv");
            assertEquals(2, r.exitCode());
        }
    }
}
