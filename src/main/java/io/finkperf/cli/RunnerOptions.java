package io.finkperf.cli;

import io.finkperf.runner.ModuleRunner;
import io.finkperf.runner.container.FinkCiImage;
import io.finkperf.runner.local.LocalRunner;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where modules run: shared by every command that runs modules. */
public final class RunnerOptions {

    public enum Kind { local, container }

    @Option(names = "--runner", defaultValue = "${env:FINK_PERF_RUNNER:-local}",
            description = "Where modules run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
                    + "'container' runs them in the image of fink-science's CI (untrusted code belongs there).")
    Kind runner;

    @Mixin
    PythonOption python;

    @Option(names = "--image", defaultValue = "${env:FINK_PERF_IMAGE}",
            description = "Image for --runner container (default: the one fink-science's CI uses for --survey, "
                    + "gitlab-registry.in2p3.fr/astrolabsoftware/fink/fink-deps-sentinel-<survey>:latest).")
    String image;

    /** Set by the command from --survey: picks the default image. */
    private String survey = "ztf";

    @Option(names = "--pull", defaultValue = "missing",
            description = "Image pull policy for --runner container: always, missing, never (default: ${DEFAULT-VALUE}).")
    String pull;

    @Option(names = "--cpus", defaultValue = "1", description = "CPU limit per module container (default: ${DEFAULT-VALUE}).")
    double cpus;

    @Option(names = "--memory", defaultValue = "4g", description = "Memory limit per module: the container's memory"
            + " (--runner container), the process's address space (--runner local); e.g. 512m, 4g (default: ${DEFAULT-VALUE}).")
    String memory;

    @Option(names = "--allow-network", description = "Give module containers network access (for modules marked"
            + " 'network: true' in the registry, e.g. CDS xMatch); their results are labelled so. Default: no network.")
    boolean allowNetwork;

    public RunnerOptions survey(String value) {
        this.survey = value;
        return this;
    }

    /** --image, else fink-science's CI image of the survey. */
    String image() {
        return image != null && !image.isBlank() ? image : FinkCiImage.forSurvey(survey);
    }

    public ModuleRunner create() {
        return switch (runner) {
            case local -> new LocalRunner(python.find(), FinkPerfHome.driverDir(), memoryBytes());
            case container -> ContainerRunnerFactory.create(this);
        };
    }

    private Long memoryBytes() {
        try {
            return io.finkperf.runner.container.ContainerOptions.parseMemory(memory);
        } catch (IllegalArgumentException e) {
            throw new FinkPerfException(ExitCode.USAGE, e.getMessage());
        }
    }
}
