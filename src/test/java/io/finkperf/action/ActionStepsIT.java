package io.finkperf.action;

import io.finkperf.base.Sha256;
import io.finkperf.files.Trees;
import io.finkperf.fetch.TestArchives;

import io.finkperf.fetch.TestHttpServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The action's run: steps, executed as the runner would, against a local HTTP server and the bundled examples. */
class ActionStepsIT {

    static final Path PROJECT = TestArchives.projectDir();
    static final Path ACTION = PROJECT.resolve("action.yml");
    static final Pattern PINNED = Pattern.compile("uses:\\s*[\\w.-]+/[\\w./-]+@[0-9a-f]{40} # v\\d+(\\.\\d+)*\\s*$");

    @Nested
    class Static {

        @Test
        void noExpressionInsideRunScripts() throws IOException {
            for (JsonNode step : ActionSteps.load(ACTION).path("runs").path("steps")) {
                assertFalse(step.path("run").asText().contains("${{"), "expression inside run: of " + step);
                if (step.has("run")) {
                    assertTrue(step.path("run").asText().matches("bash \"\\$GITHUB_ACTION_PATH/scripts/action/[\\w-]+\\.sh\""),
                            "run: steps stay thin, one script each: " + step.path("run").asText());
                }
            }
        }

        @Test
        void everyUsesIsPinnedToACommitWithItsVersion() throws IOException {
            List<Path> files = new ArrayList<>(List.of(ACTION));
            try (Stream<Path> s = Stream.concat(Files.list(PROJECT.resolve(".github/workflows")),
                    Files.list(PROJECT.resolve(".github/examples")))) {
                s.forEach(files::add);
            }
            for (Path f : files) {
                for (String line : Files.readAllLines(f)) {
                    String l = line.strip().replaceFirst("^- ", "");
                    if (!l.startsWith("uses:") || l.equals("uses: ./")) {
                        continue; // the action itself, as checked out here; the examples pin it by SHA too
                    }
                    assertTrue(PINNED.matcher(l).find(), f.getFileName() + ": not pinned to a full SHA with # vX: " + l);
                }
            }
        }

        @Test
        void everyInputIsDocumentedWithADefault() throws IOException {
            ActionSteps.load(ACTION).path("inputs").fields().forEachRemaining(e -> {
                assertFalse(e.getValue().path("description").asText().isBlank(), e.getKey());
                assertTrue(e.getValue().has("default"), e.getKey() + " has no default");
            });
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class EndToEnd {

        Path tmp;
        TestHttpServer server;
        ActionSteps ok;
        ActionSteps tooSlow;
        ActionSteps badChecksum;
        ActionSteps spark;
        ActionSteps badMode;
        String sha;

        @BeforeAll
        void run() throws Exception {
            tmp = Files.createTempDirectory("fink-perf-action-it");
            server = new TestHttpServer();
            byte[] tgz = TestArchives.finkTransferTarGz();
            Files.write(tmp.resolve("ref.tgz"), tgz);
            sha = Sha256.of(tmp.resolve("ref.tgz"));
            String url = server.serve("/s/KFJ2pWDqNB85WNn/download", tgz);
            Map<String, String> inputs = new LinkedHashMap<>();
            inputs.put("science-dir", PROJECT.resolve("examples/science").toString());
            inputs.put("runner", "local");
            inputs.put("modules", "lc_features,xmatch_local");
            inputs.put("data-url", url);
            inputs.put("data-sha256", "");
            inputs.put("loops", "2");
            // this repository's own HEAD as the baseline: the examples compared with themselves
            inputs.put("baseline-ref", "HEAD");
            inputs.put("fail-on", "min-throughput:0.001,output-changed");
            ok = job(tmp.resolve("ok"), inputs);
            inputs.remove("baseline-ref");
            inputs.put("fail-on", "min-throughput:0.001");

            Map<String, String> slow = new LinkedHashMap<>(inputs);
            slow.put("modules", "lc_features");
            slow.put("loops", "1");
            slow.put("fail-on", "min-throughput:1000000000");
            tooSlow = job(tmp.resolve("slow"), slow);

            inputs.put("data-sha256", "0".repeat(64));
            badChecksum = job(tmp.resolve("bad"), inputs);

            inputs.put("data-sha256", sha);
            inputs.put("mode", "spark");
            inputs.put("modules", "lc_features");
            spark = job(tmp.resolve("spark"), inputs);

            inputs.put("mode", "sparks");
            badMode = job(tmp.resolve("bad-mode"), inputs);
        }

        @AfterAll
        void stop() throws IOException {
            server.close();
            Trees.deleteRecursively(tmp);
        }

        private ActionSteps job(Path root, Map<String, String> inputs) throws Exception {
            Path workspace = Files.createDirectories(root.resolve("workspace"));
            Path runnerTemp = Files.createDirectories(root.resolve("runner-temp"));
            Map<String, String> env = ActionJobs.env(workspace, PROJECT, runnerTemp);
            env.put("RUNNER_OS", "Linux");
            env.put("XDG_CACHE_HOME", root.resolve("xdg-cache").toString());
            env.put("FINK_PERF_BIN", ActionJobs.launcher(root, PROJECT, jvmArgs()).toString());
            if (Files.isExecutable(Path.of("/usr/bin/python3")) && System.getenv("FINK_PERF_PYTHON") == null) {
                env.put("FINK_PERF_PYTHON", "/usr/bin/python3");
            }
            Map<String, String> github = Map.of("repository", "someone/fink-perf", "sha", "a".repeat(40),
                    "job", "profile", "run_attempt", "1", "action_path", PROJECT.toString(), "workspace", workspace.toString(),
                    "event_name", "push", "event.pull_request.base.sha", "");
            Map<String, String> runnerCtx = Map.of("temp", runnerTemp.toString(), "os", "Linux");
            return new ActionSteps(ACTION, inputs, github, runnerCtx, env, root).runAll();
        }

        /** 2 GB and the --add-opens of the fink-perf launcher: profile runs Spark in this job. */
        private List<String> jvmArgs() {
            List<String> o = new ArrayList<>(List.of("-Xmx2g"));
            for (String pkg : new String[] {"java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net",
                    "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "sun.nio.ch", "sun.nio.cs",
                    "sun.security.action", "sun.util.calendar"}) {
                o.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED");
            }
            return o;
        }

        private String logs(ActionSteps job) {
            StringBuilder b = new StringBuilder();
            job.runs.forEach(r -> b.append("--- ").append(r.id()).append(" exit ").append(r.exitCode()).append('\n').append(r.log()));
            return b.toString();
        }

        @Test
        void everyRunStepSucceeds() {
            assertFalse(ok.failed, logs(ok));
            for (String id : List.of("resolve", "deps", "fetch", "profile", "compare", "summary", "enforce")) {
                assertTrue(ok.byId.get(id).ran(), id + " did not run\n" + logs(ok));
            }
            assertFalse(ok.byId.get("junit").ran(), "junit-suite defaults to false");
            assertTrue(ok.byId.get("enforce").log().contains("fink-perf: every module is at or above 0.001 alerts/s/core"),
                    ok.byId.get("enforce").log());
        }

        @Test
        void outputs() throws IOException {
            Map<String, String> o = ok.byId.get("summary").outputs();
            Path report = ok.byId.get("resolve").outputs().get("report-dir").isEmpty() ? null
                    : Path.of(ok.byId.get("resolve").outputs().get("report-dir"));
            assertEquals(report.toString(), o.get("report-dir"));
            assertTrue(report.endsWith("workspace/fink-perf-report"), report.toString());
            assertEquals(report.resolve("results.json").toString(), o.get("results-json"));
            assertTrue(List.of("lc_features", "xmatch_local").contains(o.get("slowest-module")), o.toString());
            assertTrue(Double.parseDouble(o.get("min-throughput")) > 0, o.toString());
            JsonNode results = new ObjectMapper().readTree(report.resolve("results.json").toFile());
            double min = Double.MAX_VALUE;
            for (JsonNode m : results.get("modules")) {
                assertEquals("OK", m.get("status").asText(), m.toString());
                min = Math.min(min, m.path("throughputStats").path("mean").asDouble());
            }
            assertEquals(min, Double.parseDouble(o.get("min-throughput")), 1e-9);
        }

        @Test
        void unpinnedDataIsWarnedAboutAndItsChecksumRecorded() throws IOException {
            ActionSteps.StepRun fetch = ok.byId.get("fetch");
            assertTrue(fetch.log().contains("::warning title=fink-perf::data-sha256 is empty"), fetch.log());
            assertTrue(fetch.log().contains("set data-sha256: " + sha + " to pin it"), fetch.log());
            assertEquals(sha, fetch.outputs().get("data-sha256"));
            assertTrue(fetch.outputs().get("data-dir").endsWith("alerts/ftransfer_ztf_2024-07-24_50931"), fetch.outputs().toString());
            JsonNode run = new ObjectMapper().readTree(Path.of(ok.byId.get("summary").outputs().get("report-dir"))
                    .resolve("action-run.json").toFile());
            assertEquals(sha, run.get("dataSha256").asText());
            assertFalse(run.get("dataVerified").asBoolean());
            assertEquals("HEAD", run.get("baselineRef").asText());
            assertEquals(0, run.get("profileExitCode").asInt());
        }

        @Test
        void summaryAndArtifactFolder() throws IOException {
            String summary = ok.summary.toString();
            assertTrue(summary.contains("lc_features") && summary.contains("xmatch_local"), summary);
            Path report = Path.of(ok.byId.get("summary").outputs().get("report-dir"));
            for (String f : List.of("results.json", "summary.md", "action-run.json", "fink-perf.log",
                    "line_profile_lc_features.txt", "line_profile_xmatch_local.txt")) {
                assertTrue(Files.isRegularFile(report.resolve(f)), f + " missing from the artifact folder");
            }
            String artifact = ok.byId.get("resolve").outputs().get("artifact-name");
            assertTrue(artifact.matches("fink-perf-profile-ztf-[0-9a-f]{8}-attempt1"), artifact);
        }

        @Test
        void sparkModeAddsTheSparkSectionToTheJobSummary() throws IOException {
            assertFalse(spark.failed, logs(spark));
            assertTrue(spark.summary.toString().contains("## Spark mode vs direct"), spark.summary.toString());
            Path report = Path.of(spark.byId.get("summary").outputs().get("report-dir"));
            assertTrue(Files.isRegularFile(report.resolve("spark_decomposition.png")));
            assertEquals("spark", new ObjectMapper().readTree(report.resolve("action-run.json").toFile()).get("mode").asText());
            assertNotEquals(ok.byId.get("resolve").outputs().get("artifact-name"),
                    spark.byId.get("resolve").outputs().get("artifact-name"), "legs differing in mode get their own artifact");
        }

        @Test
        void aBaselineRefComparesAndPutsCompareMdInTheSummary() throws IOException {
            ActionSteps.StepRun compare = ok.byId.get("compare");
            assertEquals("0", compare.outputs().get("exit-code"), compare.log());
            Path md = Path.of(compare.outputs().get("compare-md"));
            assertTrue(Files.readString(md).contains("| `lc_features` |"), Files.readString(md));
            assertTrue(Files.isRegularFile(md.resolveSibling("compare.json")));
            assertTrue(ok.summary.toString().contains("## fink-perf compare"), ok.summary.toString());
            assertTrue(compare.log().contains("--fail-on output-changed"), "the comparison's words of fail-on");
            assertFalse(spark.byId.get("compare").ran(), "no baseline, no comparison");
        }

        @Test
        void aModuleBelowMinThroughputFailsTheLastStepWithTheRegressionCode() {
            assertEquals("0", tooSlow.byId.get("profile").outputs().get("exit-code"), logs(tooSlow));
            assertTrue(tooSlow.byId.get("summary").ran(), "summary and artifact come before the verdict");
            ActionSteps.StepRun enforce = tooSlow.byId.get("enforce");
            assertEquals(12, enforce.exitCode(), logs(tooSlow));
            assertTrue(enforce.log().contains("::error title=fink-perf::below min-throughput 1000000000 alerts/s/core: lc_features ("),
                    enforce.log());
            assertTrue(tooSlow.failed);
        }

        @Test
        void anUnknownModeStopsTheJobAtItsInputs() {
            assertTrue(badMode.failed);
            ActionSteps.StepRun resolve = badMode.byId.get("resolve");
            assertNotEquals(0, resolve.exitCode());
            assertTrue(resolve.log().contains("input mode: invalid value 'sparks'"), resolve.log());
            assertFalse(badMode.byId.get("profile").ran());
        }

        @Test
        void aWrongChecksumFailsTheFetchAndTheJobButStillSummarises() {
            assertTrue(badChecksum.failed);
            ActionSteps.StepRun fetch = badChecksum.byId.get("fetch");
            assertNotEquals(0, fetch.exitCode());
            assertTrue(fetch.log().contains("sha256 mismatch for " + server.url("/s/KFJ2pWDqNB85WNn/download")
                    + ": expected " + "0".repeat(64) + ", got " + sha), fetch.log());
            assertFalse(badChecksum.byId.get("profile").ran());
            assertTrue(badChecksum.byId.get("summary").ran());
            assertTrue(badChecksum.summary.toString().contains("No results"), badChecksum.summary.toString());
            ActionSteps.StepRun enforce = badChecksum.byId.get("enforce");
            assertEquals(io.finkperf.cli.ExitCode.NO_RESULTS.code(), enforce.exitCode(), enforce.log());
            assertTrue(enforce.log().contains("::error title=fink-perf::profiling did not run"), enforce.log());
        }
    }
}
