package io.finkperf.security;

import io.finkperf.cli.ExitCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finkperf.testing.FinkPerfCli;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One `fink-perf profile --runner container` over an honest module between hostile ones: the
 * hostile ones get their documented outcome and exit code, the honest one's results are intact.
 */
class AttackProfileIT {

    static final Path PROJECT = Path.of(System.getProperty("finkperf.projectDir", ".")).toAbsolutePath();

    @TempDir
    Path out;

    @Test
    void theHonestModulesResultsSurviveTheHostileOnes() throws Exception {
        AttackSuiteIT.requireEngine();
        FinkPerfCli.Run run = FinkPerfCli.run("profile", "--science-dir", PROJECT.resolve("src/test/resources/attacks/science").toString(),
                "--registry", PROJECT.resolve("src/test/resources/attacks/registry-ztf.yaml").toString(), "--modules", "all",
                "--data", PROJECT.resolve("datasets/ztf/ftransfer_sample_72.parquet").toString(), "--runner", "container",
                "--image", AttackSuiteIT.IMAGE, "--pull", "never", "--loops", "3", "--no-line-profile",
                "--energy-baseline-max", "0", "--output", out.toString());

        assertEquals(ExitCode.UNTRUSTED.code(), run.exitCode(), run.stderr());
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        Map<String, JsonNode> byName = new HashMap<>();
        results.path("modules").forEach(m -> byName.put(m.path("name").asText(), m));
        assertEquals("OK", byName.get("honest").path("status").asText());
        assertEquals(3, byName.get("honest").path("samplesNs").size());
        assertEquals("untrusted", byName.get("forge_result").path("error").path("kind").asText());
        assertEquals(0, byName.get("forge_result").path("samplesNs").size(), "no forged sample published");
        assertEquals("untrusted", byName.get("fake_run").path("error").path("kind").asText(),
                byName.get("fake_run").path("error").toString());
        assertTrue(byName.get("fake_run").path("error").path("message").asText().contains("main thread ran"),
                byName.get("fake_run").path("error").toString());
        assertEquals(0, byName.get("fake_run").path("samplesNs").size(), "the fake run's figures are not published");
        assertEquals("jvm-round-trip", byName.get("honest").path("extra").path("timing").path("timedBy").asText());
        assertEquals("killed", byName.get("kill_self").path("error").path("kind").asText());
        assertTrue(byName.get("kill_self").path("error").path("message").asText().endsWith("killed by signal 9 (SIGKILL)"),
                byName.get("kill_self").path("error").toString());
        assertTrue(byName.get("forge_result").path("error").path("message").asText().contains("results not trusted"),
                byName.get("forge_result").path("error").toString());
    }
}
