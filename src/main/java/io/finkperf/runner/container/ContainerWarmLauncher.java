package io.finkperf.runner.container;

import io.finkperf.base.TimedProcess;

import io.finkperf.runner.WarmLauncher;
import java.time.Duration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Warm modules in containers of the image, started with the engine's command line
 * ({@code podman run --rm -i}): folders mounted at their own paths (read-only but for the work
 * folder), no network, hardened and limited as every module container. The container's Python is a process of this host
 * too, so its CPU clock is read in /proc under the host pid the engine reports.
 */
public final class ContainerWarmLauncher implements WarmLauncher {

    private final String cli;
    private final ContainerOptions options;
    private final Path driverPackage;
    private final ContainerUser user = ContainerUser.current();

    /** @param driverPackage the {@code fink_perf_driver} package folder */
    public ContainerWarmLauncher(String cli, ContainerOptions options, Path driverPackage) {
        this.cli = cli;
        this.options = options;
        this.driverPackage = driverPackage.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "container";
    }

    List<String> command(String name, Path specFile, List<Path> readOnly, List<Path> writable) {
        List<String> cmd = ContainerOptions.runCommand(cli, name, options.allowNetwork(), user, options.cpus(),
                options.memoryBytes());
        readOnly.forEach(p -> cmd.addAll(List.of("-v", p.toAbsolutePath() + ":" + p.toAbsolutePath() + ":ro")));
        writable.forEach(p -> cmd.addAll(List.of("-v", p.toAbsolutePath() + ":" + p.toAbsolutePath())));
        cmd.addAll(List.of("-v", driverPackage + ":" + ContainerRunner.DRIVER_HOME + "/fink_perf_driver:ro"));
        SAME_FOR_ALL.forEach((k, v) -> cmd.addAll(List.of("-e", k + "=" + v)));
        for (String env : List.of("PYTHONPATH=" + ContainerRunner.DRIVER_HOME, "PYTHONDONTWRITEBYTECODE=1",
                "OMP_NUM_THREADS=1", "OPENBLAS_NUM_THREADS=1", "MKL_NUM_THREADS=1",
                ContainerRunner.IN_CONTAINER + "=1")) {
            cmd.addAll(List.of("-e", env));
        }
        cmd.add(options.image());
        cmd.addAll(List.of("python3", "-m", "fink_perf_driver.warm", specFile.toAbsolutePath().toString()));
        return cmd;
    }

    @Override
    public Process start(String name, Path specFile, List<Path> readOnly, List<Path> writable, Path stderrLog)
            throws IOException {
        writable.forEach(user::grantWrite);
        return new ProcessBuilder(command(containerName(name), specFile, readOnly, writable))
                .redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile())).start();
    }

    /** The container of warm module {@code name}: this JVM's pid keeps parallel runs apart. */
    static String containerName(String name) {
        return "fink-perf-warm-" + ProcessHandle.current().pid() + "-" + name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    @Override
    public OptionalLong hostPid(Process process, String name, long pidInside) {
        return hostPidOf(containerName(name));
    }

    /** The host pid of the named container's main process, or empty if the engine does not say. */
    OptionalLong hostPidOf(String container) {
        return hostPidOf(cli, container, 1);
    }

    /**
     * The host pid of the named container's main process, asking {@code cli inspect} up to {@code attempts}
     * times 100 ms apart (a container still starting has none yet); empty if the engine never says, or if
     * this JVM cannot read that process's CPU clock in /proc.
     */
    public static OptionalLong hostPidOf(String cli, String container, int attempts) {
        for (int attempt = 0; attempt < attempts; attempt++) {
            try {
                if (attempt > 0) {
                    Thread.sleep(100);
                }
                Optional<TimedProcess.Output> o = TimedProcess.run(new ProcessBuilder(cli, "inspect", "--format",
                        "{{.State.Pid}}", container).redirectError(ProcessBuilder.Redirect.DISCARD), Duration.ofSeconds(30));
                String out = o.map(x -> x.stdoutText().trim()).orElse("");
                if (o.isPresent() && o.get().exit() == 0 && out.matches("[1-9][0-9]*")) {
                    return Files.isReadable(Path.of("/proc", out, "schedstat"))
                            ? OptionalLong.of(Long.parseLong(out)) : OptionalLong.empty();
                }
            } catch (IOException e) {
                return OptionalLong.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public void afterKill(String name) {
        try {
            Process p = new ProcessBuilder(cli, "rm", "-f", containerName(name)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // nothing more to do from here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
