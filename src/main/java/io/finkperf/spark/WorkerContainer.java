package io.finkperf.spark;

import io.finkperf.runner.container.ContainerOptions;
import io.finkperf.runner.container.ContainerWarmLauncher;
import io.finkperf.runner.container.ContainerUser;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

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
     * {@code cli run} for one worker named {@code name} as the executor JVM's unprivileged user
     * ({@link ContainerUser#current()}): {@code readOnly} and {@code writable} folders mounted at the
     * same path, {@code env} set inside, then {@code inner} (the Python command).
     */
    List<String> command(String name, List<String> readOnly, List<String> writable, Map<String, String> env,
                         List<String> inner) {
        return command(name, readOnly, writable, env, inner, ContainerUser.current());
    }

    /** As above, as {@code user}: never root (docs/security.md). */
    List<String> command(String name, List<String> readOnly, List<String> writable, Map<String, String> env,
                         List<String> inner, ContainerUser user) {
        List<String> cmd = ContainerOptions.runCommand(cli, name, false, user, cpus, memoryBytes);
        readOnly.forEach(p -> cmd.addAll(List.of("-v", p + ":" + p + ":ro")));
        writable.forEach(p -> cmd.addAll(List.of("-v", p + ":" + p)));
        env.forEach((k, v) -> cmd.addAll(List.of("-e", k + "=" + v)));
        cmd.add(image);
        cmd.addAll(inner);
        return cmd;
    }

    /** Removes the named container whatever its state (after its client was killed). */
    List<String> removeCommand(String name) {
        return List.of(cli, "rm", "-f", name);
    }

    /**
     * The host pid of the named container's main process (the Python worker), asking the engine for a
     * few seconds while the container starts; empty if it never says (then its CPU time is not read).
     */
    OptionalLong hostPid(String name) {
        return ContainerWarmLauncher.hostPidOf(cli, name, 50);
    }
}
