package io.finkperf.cli;

import io.finkperf.spark.WorkerContainer;
import io.finkperf.runner.ModuleRunner;
import io.finkperf.runner.RunnerException;
import io.finkperf.runner.container.ContainerOptions;
import io.finkperf.runner.container.ContainerRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds the container runner from the command-line options. */
final class ContainerRunnerFactory {

    private ContainerRunnerFactory() {
    }

    static ModuleRunner create(RunnerOptions o) {
        return new ContainerRunner(options(o), FinkPerfHome.driverDir().resolve("fink_perf_driver"));
    }

    /**
     * Spark mode's Python workers in containers of the same image and limits, started with the engine's
     * command line: {@code FINK_PERF_CONTAINER_CLI}, else {@code podman} or {@code docker} on the PATH.
     */
    static WorkerContainer sparkWorkers(RunnerOptions o) {
        ContainerOptions options = options(o);
        return new WorkerContainer(containerCli(), options.image(), options.cpus(), options.memoryBytes());
    }

    /** Warm modules for {@code compare} in containers of the same image and limits, through the engine's command line. */
    static io.finkperf.runner.WarmLauncher warm(RunnerOptions o) {
        return new io.finkperf.runner.container.ContainerWarmLauncher(containerCli(), options(o),
                FinkPerfHome.driverDir().resolve("fink_perf_driver"));
    }

    private static ContainerOptions options(RunnerOptions o) {
        try {
            return ContainerOptions.defaults()
                    .withImage(o.image())
                    .withPull(ContainerOptions.Pull.parse(o.pull))
                    .withCpus(o.cpus)
                    .withMemory(o.memory)
                    .withAllowNetwork(o.allowNetwork);
        } catch (IllegalArgumentException e) {
            throw new FinkPerfException(ExitCode.USAGE, e.getMessage());
        }
    }

    private static String containerCli() {
        String chosen = System.getenv("FINK_PERF_CONTAINER_CLI");
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        for (String cli : List.of("podman", "docker")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, cli))) {
                    return cli;
                }
            }
        }
        throw new RunnerException(RunnerException.Kind.ENGINE_UNAVAILABLE,
                "--mode spark --runner container needs podman or docker on the PATH (or FINK_PERF_CONTAINER_CLI)");
    }
}
