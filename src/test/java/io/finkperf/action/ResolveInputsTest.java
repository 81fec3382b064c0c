package io.finkperf.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The action's input checks (scripts/action/resolve-inputs.sh) against hostile values. */
class ResolveInputsTest {

    static final Path PROJECT = Path.of(System.getProperty("finkperf.projectDir", ".")).toAbsolutePath();

    @TempDir
    Path tmp;

    record Run(int exit, String output) {
    }

    Run resolve(Map<String, String> overrides) throws Exception {
        Path workspace = Files.createDirectories(tmp.resolve("workspace"));
        Map<String, String> env = new HashMap<>(Map.ofEntries(
                Map.entry("INPUT_SURVEY", "ztf"), Map.entry("INPUT_RUNNER", "container"), Map.entry("INPUT_MODE", "direct"),
                Map.entry("INPUT_MODULES", "all"), Map.entry("INPUT_N_ALERTS", "0"), Map.entry("INPUT_LOOPS", "5"),
                Map.entry("INPUT_FAIL_ON", "error"), Map.entry("INPUT_DATA_SHA256", ""),
                Map.entry("INPUT_DATA_URL", "https://example.org/a.tgz"), Map.entry("INPUT_IMAGE", "img:1"),
                Map.entry("INPUT_SCIENCE_REPOSITORY", "astrolabsoftware/fink-science"), Map.entry("INPUT_SCIENCE_REF", ""),
                Map.entry("INPUT_BASELINE_REF", ""), Map.entry("INPUT_OUTPUT_DIR", "fink-perf-report"),
                Map.entry("INPUT_ARTIFACT_SUFFIX", ""), Map.entry("INPUT_SCIENCE_DIR", ""),
                Map.entry("GITHUB_WORKSPACE", workspace.toString()), Map.entry("GITHUB_ACTION_PATH", PROJECT.toString()),
                Map.entry("GITHUB_OUTPUT", tmp.resolve("out.txt").toString()), Map.entry("GITHUB_EVENT_NAME", "push"),
                Map.entry("PATH", System.getenv("PATH"))));
        env.putAll(overrides);
        ProcessBuilder pb = new ProcessBuilder("bash", PROJECT.resolve("scripts/action/resolve-inputs.sh").toString())
                .redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        return new Run(p.waitFor(), out);
    }

    @Test
    void acceptsTheDefaults() throws Exception {
        Run r = resolve(Map.of());
        assertEquals(0, r.exit(), r.output());
        assertTrue(Files.readString(tmp.resolve("out.txt")).contains("report-dir=" + tmp.resolve("workspace/fink-perf-report")));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "INPUT_SCIENCE_REF|--upload-pack=touch /tmp/x|science-ref: invalid value",
        "INPUT_SCIENCE_REF|-x|science-ref: invalid value",
        "INPUT_SCIENCE_REF|main..evil|no '..' allowed",
        "INPUT_BASELINE_REF|-b|baseline-ref: invalid value",
        "INPUT_OUTPUT_DIR|/|must be a folder inside the workspace",
        "INPUT_OUTPUT_DIR|/etc/cron.d|must be a folder inside the workspace",
        "INPUT_OUTPUT_DIR|.|must be a folder inside the workspace",
        "INPUT_OUTPUT_DIR|../up|no '..' allowed",
        "INPUT_OUTPUT_DIR|-rf|must not start with '-'"})
    void refusesHostileValuesWithOneLine(String name, String value, String expected) throws Exception {
        Run r = resolve(Map.of(name, value));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("::error title=fink-perf::input") && r.output().contains(expected), r.output());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pull_request", "pull_request_target"})
    void refusesTheLocalRunnerForPullRequests(String event) throws Exception {
        Run r = resolve(Map.of("INPUT_RUNNER", "local", "GITHUB_EVENT_NAME", event));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("'local' is refused for " + event + " events"), r.output());
        assertEquals(0, resolve(Map.of("INPUT_RUNNER", "container", "GITHUB_EVENT_NAME", event)).exit());
        assertEquals(0, resolve(Map.of("INPUT_RUNNER", "local", "GITHUB_EVENT_NAME", "push")).exit());
    }
}
