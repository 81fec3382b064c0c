package io.finkperf.cli;

import io.finkperf.engine.ProfileRequest;
import io.finkperf.engine.RunRequest;
import io.finkperf.registry.ModuleRegistry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false)
public final class ProfileCommand implements Callable<Integer> {

    public enum Mode { direct, spark }

    @Mixin WorkloadOptions workload;
    @Option(names = "--mode", defaultValue = "direct") Mode mode;
    @Mixin RunLengthOptions length = new RunLengthOptions(5, 1);
    @Option(names = "--no-line-profile", negatable = false) boolean noLineProfile;
    @Mixin OutputOption output = new OutputOption("fink-perf-report");
    @Mixin ConsoleOptions console;
    @Mixin EnergyOptions energy;
    @Option(names = "--sample-by", paramLabel = "COLUMN") String sampleBy;
    @Option(names = "--per-class", paramLabel = "N") Long perClass;
    @Option(names = "--scale") boolean scale;
    @Mixin ScaleOptions scaleOptions;
    @Mixin RunnerOptions runnerOptions;
    @Mixin OfflineOption offline;
    @Mixin SparkOptions spark;

    @Override
    public Integer call() {
        validate();
        runnerOptions.survey(workload.survey);
        ModuleRegistry reg = workload.loadRegistry();
        Path out = output.dir();
        ProfileRequest profile = new ProfileRequest(reg, workload.select(reg), workload.science(), workload.dataPath(),
                workload.survey, workload.nAlerts, length.warmup, length.loops, workload.chunkRows, length.timeout,
                !noLineProfile, out, stratifiedSample());
        RunRequest request = RunRequest.direct(profile, energy.settings()).withOffline(offline.resolve(runnerOptions));
        if (scale) {
            request = request.withScale(scaleOptions.pass(energy.alertsPerNight));
        }
        if (mode == Mode.spark) {
            request = request.withSpark(runnerOptions.runner == RunnerOptions.Kind.container
                    ? spark.mode(null, ContainerRunnerFactory.sparkWorkers(runnerOptions))
                    : spark.mode(runnerOptions.python.find(), null));
        }
        return new ReportsOnDisk(out, mode == Mode.spark).run(runnerOptions::create, console, request, null);
    }

    private io.finkperf.data.StratifiedSample stratifiedSample() {
        if (sampleBy == null && perClass == null) {
            return null;
        }
        if (sampleBy == null || perClass == null) {
            throw new FinkPerfException(ExitCode.USAGE, "--sample-by and --per-class go together");
        }
        try {
            return new io.finkperf.data.StratifiedSample(sampleBy, perClass);
        } catch (IllegalArgumentException e) {
            throw new FinkPerfException(ExitCode.USAGE, e.getMessage());
        }
    }

    private void validate() {
        length.validate();
        workload.validate();
        scaleOptions.validate();
        if (mode == Mode.spark) {
            spark.validate();
            if (runnerOptions.runner == RunnerOptions.Kind.container && spark.ship) {
                throw new FinkPerfException(ExitCode.USAGE, "--ship cannot be combined with --runner container: "
                        + "the workers' containers mount the driver and science folders from this host");
            }
        }
    }
}
