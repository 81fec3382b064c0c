package io.finkperf.runner.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleEnvironmentTest {

    @Test
    void keepsWhatPythonNeedsAndDropsCiCredentials() {
        Map<String, String> env = ModuleEnvironment.from(Map.of(
                "PATH", "/usr/bin", "HOME", "/home/u", "LC_ALL", "C.UTF-8", "PYTHONPATH", "/p",
                "GITHUB_TOKEN", "t", "GITHUB_ENV", "/x", "ACTIONS_RUNTIME_TOKEN", "t", "RUNNER_TEMP", "/tmp",
                "AWS_SECRET_ACCESS_KEY", "k", "DOCKER_HOST", "unix:///s"));
        assertEquals(Map.of("PATH", "/usr/bin", "HOME", "/home/u", "LC_ALL", "C.UTF-8", "PYTHONPATH", "/p"), env);
    }
}
