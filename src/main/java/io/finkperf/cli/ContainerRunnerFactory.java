package io.finkperf.cli;

import io.finkperf.runner.ModuleRunner;
import io.finkperf.runner.container.ContainerOptions;
import io.finkperf.runner.container.ContainerRunner;

/** Builds the container runner from the command-line options. */
final class ContainerRunnerFactory {

    private ContainerRunnerFactory() {
    }

    static ModuleRunner create(RunnerOptions o) {
        ContainerOptions options;
        try {
            options = ContainerOptions.defaults()
                    .withImage(o.image)
                    .withPull(ContainerOptions.Pull.parse(o.pull))
                    .withCpus(o.cpus)
                    .withMemory(o.memory);
        } catch (IllegalArgumentException e) {
            throw new FinkPerfException(ExitCode.USAGE, e.getMessage());
        }
        return new ContainerRunner(options, FinkPerfHome.driverDir().resolve("fink_perf_driver"));
    }
}
