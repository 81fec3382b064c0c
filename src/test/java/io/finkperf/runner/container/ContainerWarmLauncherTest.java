package io.finkperf.runner.container;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A warm module's container (compare --runner container) is hardened as every module container. */
class ContainerWarmLauncherTest {

    @Test
    void warmContainersHaveNoNetworkNoCapabilitiesAReadOnlyRootAndAnUnprivilegedUser() {
        List<String> cmd = new ContainerWarmLauncher("podman", ContainerOptions.defaults().withImage("img:1"), Path.of("/drv"))
                .command("fink-perf-warm-1-slow_lc", Path.of("/w/spec.json"), List.of(Path.of("/sci")), List.of(Path.of("/w")));
        for (String flag : List.of("--network=none", "--cap-drop=ALL", "--security-opt=no-new-privileges", "--read-only",
                "--pids-limit=" + ContainerOptions.PIDS_LIMIT)) {
            assertTrue(cmd.contains(flag), flag + " missing from " + cmd);
        }
        assertTrue(cmd.stream().anyMatch(a -> a.startsWith("--tmpfs=/tmp:")), cmd::toString);
        assertFalse(cmd.contains("--user=0:0"), cmd::toString);
        assertTrue(cmd.stream().anyMatch(a -> a.startsWith("--user=")), cmd::toString);
        assertTrue(cmd.indexOf("img:1") > cmd.indexOf("--read-only"), "options before the image");
    }

    @Test
    void theMemoryLimitIsRealMemoryAndNetworkOnlyWhenAllowed() {
        ContainerOptions options = ContainerOptions.defaults().withImage("img:1").withMemory("1g");
        List<String> cmd = new ContainerWarmLauncher("podman", options, Path.of("/drv"))
                .command("w", Path.of("/w/spec.json"), List.of(), List.of());
        assertTrue(cmd.contains("--memory=1073741824b") && cmd.contains("--memory-swap=1073741824b"), cmd::toString);

        List<String> online = new ContainerWarmLauncher("podman", options.withAllowNetwork(true), Path.of("/drv"))
                .command("w", Path.of("/w/spec.json"), List.of(), List.of());
        assertFalse(online.contains("--network=none"), online::toString);
    }
}
