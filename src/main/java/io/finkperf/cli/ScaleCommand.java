package io.finkperf.cli;

import io.finkperf.engine.ProfileRequest;
import io.finkperf.engine.RunRequest;
import io.finkperf.registry.ModuleRegistry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "scale", mixinStandardHelpOptions = true, sortOptions = false)
public final class ScaleCommand implements Callable<Integer> {

    static final double RUBIN_ALERTS_PER_NIGHT = 10_000_000;

    @Spec CommandSpec spec;
    @Mixin WorkloadOptions workload;
    @Mixin ScaleOptions scale;
    @Mixin RunLengthOptions length = new RunLengthOptions(3, 1);
    @Mixin OutputOption output = new OutputOption("fink-perf-report");
    @Mixin ConsoleOptions console;
    @Mixin EnergyOptions energy;
    @Mixin RunnerOptions runnerOptions;
    @Mixin OfflineOption offline;

    @Override
    public Integer call() {
        length.validate();
        workload.validate();
        scale.validate();
        runnerOptions.survey(workload.survey);
        boolean nightGiven = spec.commandLine().getParseResult().hasMatchedOption("--alerts-per-night");
        double night = nightGiven || !"rubin".equals(workload.survey) ? energy.alertsPerNight : RUBIN_ALERTS_PER_NIGHT;
        ModuleRegistry reg = workload.loadRegistry();
        Path out = output.dir();
        ProfileRequest profile = new ProfileRequest(reg, workload.select(reg), workload.science(), workload.dataPath(),
                workload.survey, workload.nAlerts, length.warmup, length.loops, workload.chunkRows, length.timeout, true, out,
                null);
        RunRequest request = RunRequest.direct(profile, energy.settings().withAlertsPerNight(night))
                .withOffline(offline.resolve(runnerOptions)).withScale(scale.pass(night));
        return new ReportsOnDisk(out, false).run(runnerOptions::create, console, request, null);
    }
}
