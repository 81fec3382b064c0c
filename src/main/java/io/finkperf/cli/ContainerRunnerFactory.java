package io.finkperf.cli;

import io.finkperf.runner.ModuleRunner;

/** Builds the container runner from the command-line options. */
final class ContainerRunnerFactory {

    private ContainerRunnerFactory() {
    }

    static ModuleRunner create(RunnerOptions o) {
        throw new FinkPerfException(ExitCode.CONTAINER, "--runner container is not wired yet");
    }
}
