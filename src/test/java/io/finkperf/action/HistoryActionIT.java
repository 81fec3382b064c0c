package io.finkperf.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.Environment;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunConfig;
import io.finkperf.results.RunResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * history/action.yml's step run as the runner would, against a local bare repository as origin:
 * the first push starts the store's branch, a second job appends to it, a pull request is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryActionIT {

    static final Path PROJECT = Path.of(System.getProperty("finkperf.projectDir", ".")).toAbsolutePath();
    static final Path ACTION = PROJECT.resolve("history/action.yml");

    @TempDir
    static Path tmp;
    Path origin;
    ActionSteps first;
    ActionSteps second;
    ActionSteps pullRequest;

    @BeforeAll
    void twoPushesAndAPullRequest() throws Exception {
        origin = tmp.resolve("origin.git");
        git(tmp, "init", "-q", "--bare", "-b", "master", origin.toString());
        Path seed = tmp.resolve("seed");
        git(tmp, "clone", "-q", origin.toString(), seed.toString());
        Files.writeString(seed.resolve("README.md"), "fink-science\n");
        git(seed, "add", "README.md");
        git(seed, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "initial");
        git(seed, "push", "-q", "origin", "HEAD:master");
        first = job("first", "push", 16_000_000);
        second = job("second", "push", 32_000_000);
        pullRequest = job("pr", "pull_request", 16_000_000);
    }

    @Test
    void theFirstRunStartsTheBranchAndTheSecondAppends() throws Exception {
        assertFalse(first.failed, logs(first));
        assertFalse(second.failed, logs(second));
        String files = git(tmp, "--git-dir=" + origin, "ls-tree", "-r", "--name-only", "fink-perf-data");
        List<String> runs = files.lines().filter(l -> l.startsWith("history/runs/") && l.endsWith(".jsonl")).toList();
        assertEquals(2, runs.size(), files);
        assertEquals("2", git(tmp, "--git-dir=" + origin, "rev-list", "--count", "fink-perf-data").strip(), "one commit per run");
        assertEquals("1", git(tmp, "--git-dir=" + origin, "rev-list", "--count", "master").strip(), "master untouched");
    }

    @Test
    void theSiteAndSummaryAreBuilt() throws IOException {
        Path site = Path.of(second.byId.get("history").outputs().get("site-dir"));
        assertTrue(Files.isRegularFile(site.resolve("index.html")));
        assertTrue(Files.readString(site.resolve("data.js")).startsWith("window.BENCHMARK_DATA = "));
        String page = Files.readString(site.resolve("slow_lc.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("https://github.com/someone/fink-science/actions/runs/4242"), "the run's link");
        assertTrue(page.contains("2 runs over 1 commit ·"), "both jobs measured the same commit");
        assertTrue(second.summary.toString().contains("## fink-perf history"), second.summary.toString());
    }

    @Test
    void aPullRequestIsRefused() {
        assertTrue(pullRequest.failed);
        assertTrue(pullRequest.byId.get("history").log().contains("pushes to the default branch only"),
                pullRequest.byId.get("history").log());
    }

    private ActionSteps job(String name, String event, long slowNs) throws Exception {
        Path root = Files.createDirectories(tmp.resolve(name));
        Path workspace = root.resolve("workspace");
        git(root, "clone", "-q", origin.toString(), workspace.toString());
        String sha = git(workspace, "rev-parse", "HEAD").strip();
        Path results = root.resolve("report/results.json");
        ResultsJson.write(results(workspace, slowNs), results);
        Path runnerTemp = Files.createDirectories(root.resolve("runner-temp"));
        Map<String, String> env = ActionJobs.env(workspace, PROJECT.resolve("history"), runnerTemp);
        env.put("FINK_PERF_BIN", ActionJobs.launcher(root, PROJECT, List.of("-Xmx1g", "-Djava.awt.headless=true")).toString());
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        Map<String, String> github = Map.of("event_name", event, "repository", "someone/fink-science", "sha", sha,
                "server_url", "https://github.com", "run_id", "4242", "workspace", workspace.toString(),
                "action_path", PROJECT.resolve("history").toString());
        Map<String, String> inputs = Map.of("results-json", results.toString());
        return new ActionSteps(ACTION, inputs, github, Map.of("temp", runnerTemp.toString(), "os", "Linux"), env, root).runAll();
    }

    /** A run of slow_lc whose Python is Debian's, as the calibration will use it. */
    static RunResults results(Path science, long slowNs) {
        Environment env = new Environment("AMD EPYC", 2, 1L << 34, "Linux", "17", "host", science.toString(), "unknown",
                "8.53.0", PROJECT.resolve("datasets/ztf/ftransfer_sample_72.parquet").toString(), "ztf", "ztf",
                Map.of("python", "3.11.2", "numpy", "1.24.2"), Map.of("runner", "local", "python_executable", "/usr/bin/python3"));
        ModuleResult slow = ModuleResult.builder("slow_lc", "feature", "e:f", "slow_score").ok().nAlerts(72).nChunks(1)
                .loops(List.of(slowNs), List.of(slowNs, slowNs + 1000, slowNs - 1000)).peakRssBytes(1 << 26).build();
        return new RunResults(RunResults.SCHEMA, "0.1.0", java.time.Instant.now().toString(), null, env,
                new RunConfig("r", List.of("slow_lc"), 72, 1, 3, 10000, 600, "local", "direct"), List.of(slow));
    }

    private static String logs(ActionSteps job) {
        StringBuilder b = new StringBuilder();
        job.runs.forEach(r -> b.append("--- ").append(r.id()).append(" exit ").append(r.exitCode()).append('\n').append(r.log()));
        return b.toString();
    }

    static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "core.hooksPath=/dev/null", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("git " + String.join(" ", args) + ": " + out);
        }
        return out;
    }
}
