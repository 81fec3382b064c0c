package io.finkperf.spark;

import io.finkperf.runner.container.ContainerOptions;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs each Python worker in a container of {@code image} through the engine's command line
 * ({@code podman} or {@code docker}): the module code never runs on the executor host. Folders are
 * bind-mounted at their own paths, so specs need no rewriting; no network.
 *
 * @param cpus        CPU limit per worker container, or null
 * @param memoryBytes memory limit per worker container, or null
 */
public record WorkerContainer(String cli, String image, Double cpus, Long memoryBytes) implements Serializable {

    /**
     * {@code cli run} for one worker named {@code name}: {@code readOnly} and {@code writable} folders
     * mounted at the same path, {@code env} set inside, then {@code inner} (the Python command).
     */
    List<String> command(String name, List<String> readOnly, List<String> writable, Map<String, String> env,
                         List<String> inner) {
        // hardened as the container runner's module containers (docs/security.md), as the executor's own
        // uid:gid, which owns the scratch folder the worker writes (root only when the executor is root)
        List<String> cmd = new ArrayList<>(List.of(cli, "run", "--rm", "-i", "--network=none", "--name", name));
        cmd.addAll(ContainerOptions.hardeningFlags());
        executorUser().ifPresent(u -> cmd.add("--user=" + u));
        if (cpus != null) {
            cmd.add("--cpus=" + cpus);
        }
        if (memoryBytes != null) {
            cmd.add("--memory=" + memoryBytes + "b");
        }
        readOnly.forEach(p -> cmd.addAll(List.of("-v", p + ":" + p + ":ro")));
        writable.forEach(p -> cmd.addAll(List.of("-v", p + ":" + p)));
        env.forEach((k, v) -> cmd.addAll(List.of("-e", k + "=" + v)));
        cmd.add(image);
        cmd.addAll(inner);
        return cmd;
    }

    private static java.util.Optional<String> executorUser() {
        try {
            Path self = Path.of("/proc/self");
            int uid = (Integer) Files.getAttribute(self, "unix:uid");
            int gid = (Integer) Files.getAttribute(self, "unix:gid");
            return uid == 0 ? java.util.Optional.empty() : java.util.Optional.of(uid + ":" + gid);
        } catch (java.io.IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Removes the named container whatever its state (after its client was killed). */
    List<String> removeCommand(String name) {
        return List.of(cli, "rm", "-f", name);
    }
}
