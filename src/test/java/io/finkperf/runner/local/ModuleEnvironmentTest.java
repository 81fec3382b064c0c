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

    @Test
    void aDriverGetsItsPackageFirstAndOneBlasThreadUnlessSet() {
        Map<String, String> env = ModuleEnvironment.forDriver(java.nio.file.Path.of("/drv"), Map.of(
                "PYTHONPATH", "/p", "OMP_NUM_THREADS", "4", "GITHUB_TOKEN", "t"));
        assertEquals("/drv:/p", env.get("PYTHONPATH"));
        assertEquals("4", env.get("OMP_NUM_THREADS"));
        assertEquals("1", env.get("OPENBLAS_NUM_THREADS"));
        assertEquals(null, env.get("GITHUB_TOKEN"));
    }
}
