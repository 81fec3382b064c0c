package io.finkperf.cli;

import io.finkperf.runner.ModuleRunner;
import io.finkperf.runner.container.FinkCiImage;
import io.finkperf.runner.local.LocalRunner;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where modules run: shared by every command that runs modules. */
public final class RunnerOptions {

    public enum Kind { local, container }

    @Option(names = "--runner", defaultValue = "${env:FINK_PERF_RUNNER:-local}") Kind runner;
    @Mixin PythonOption python;
    @Option(names = "--image", defaultValue = "${env:FINK_PERF_IMAGE}") String image;

    /** Set by the command from --survey: picks the default image. */
    private String survey = "ztf";

    @Option(names = "--pull", defaultValue = "missing") String pull;
    @Option(names = "--cpus", defaultValue = "1") double cpus;
    @Option(names = "--memory", defaultValue = "4g") String memory;
    @Option(names = "--allow-network") boolean allowNetwork;

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
