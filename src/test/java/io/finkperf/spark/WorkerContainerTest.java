package io.finkperf.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.runner.container.ContainerOptions;
import io.finkperf.runner.container.ContainerUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A Spark worker's container command: hardened, and never as root. */
class WorkerContainerTest {

    final WorkerContainer container = new WorkerContainer("podman", "img:1", 1.0, 1L << 30);

    List<String> command(ContainerUser user) {
        return container.command("w", List.of("/drv"), List.of("/tmp/tasks"), Map.of("A", "1"), List.of("python3", "-m", "x"), user);
    }

    @ParameterizedTest(name = "uid {0}")
    @ValueSource(ints = {1000, 65534})
    void runsAsTheGivenUser(int uid) {
        List<String> cmd = command(new ContainerUser(uid, uid));
        assertEquals(1, cmd.stream().filter(a -> a.startsWith("--user=")).count());
        assertTrue(cmd.contains("--user=" + uid + ":" + uid), String.valueOf(cmd));
    }

    @ParameterizedTest(name = "uid {0}")
    @ValueSource(ints = {1000, 65534})
    void isHardenedAndOffline(int uid) {
        List<String> cmd = command(new ContainerUser(uid, uid));
        assertTrue(cmd.containsAll(ContainerOptions.hardeningFlags()));
        assertTrue(cmd.contains("--network=none"));
        assertEquals(List.of("img:1", "python3", "-m", "x"), cmd.subList(cmd.size() - 4, cmd.size()));
    }

    @Test
    void theExecutorsUserIsNeverRoot() {
        ContainerUser current = ContainerUser.current();
        assertNotEquals(0, current.uid(), current.spec());
        List<String> cmd = container.command("w", List.of(), List.of(), Map.of(), List.of("python3"));
        assertTrue(cmd.contains("--user=" + current.spec()), String.valueOf(cmd));
        if (ProcessHandle.current().info().user().orElse("").equals("root")) {
            assertEquals(ContainerUser.NOBODY, current, "a root JVM's workers run as nobody");
        }
    }
}
