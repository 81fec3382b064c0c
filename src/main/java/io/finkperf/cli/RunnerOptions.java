package io.finkperf.cli;

import io.finkperf.runner.ModuleRunner;
import io.finkperf.runner.local.LocalRunner;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where modules run: shared by every command that runs modules. */
public final class RunnerOptions {

    public enum Kind { local, container }

    @Option(names = "--runner", defaultValue = "${env:FINK_PERF_RUNNER:-local}",
            description = "Where modules run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
                    + "'container' runs them in the fink-ci image (untrusted code belongs there).")
    Kind runner;

    @Mixin
    PythonOption python;

    @Option(names = "--image", defaultValue = "${env:FINK_PERF_IMAGE:-julienpeloton/fink-ci-ztf:latest}",
            description = "Image for --runner container (default: ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--pull", defaultValue = "missing",
            description = "Image pull policy for --runner container: always, missing, never (default: ${DEFAULT-VALUE}).")
    String pull;

    @Option(names = "--cpus", defaultValue = "1", description = "CPU limit per module container (default: ${DEFAULT-VALUE}).")
    double cpus;

    @Option(names = "--memory", defaultValue = "4g", description = "Memory limit per module container, e.g. 512m, 4g (default: ${DEFAULT-VALUE}).")
    String memory;

    public ModuleRunner create() {
        return switch (runner) {
            case local -> new LocalRunner(python.find(), FinkPerfHome.driverDir());
            case container -> ContainerRunnerFactory.create(this);
        };
    }
}
