package io.finkperf.cli;

import io.finkperf.energy.CarbonIntensity;
import io.finkperf.energy.EnergySettings;
import io.finkperf.engine.ConsoleProgress;
import io.finkperf.engine.ProfileEngine;
import io.finkperf.engine.ProfileRequest;
import io.finkperf.registry.ModuleRegistry;
import io.finkperf.report.ReportWriter;
import io.finkperf.report.Reports;
import io.finkperf.report.ScaleMarkdown;
import io.finkperf.results.RunResults;
import io.finkperf.runner.ModuleRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "scale", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"How each module's cost grows, and what a night costs: t(N) = a + b·N per call over batch sizes,",
                "cost per alert against light-curve length (t ∝ length^k), peak memory per call, cold start,",
                "the costly branch from the line profile, and core-hours, wall time and energy for a night."},
        footer = {"", "A short profiling pass (3 loops, line profile) comes first; then one fresh process per module.",
                "Writes results.json (section 'scale'), scale.md, scale_cost.png, scale_length.png, scale_night.png."})
public final class ScaleCommand implements Callable<Integer> {

    @Mixin
    WorkloadOptions workload;

    @Mixin
    ScaleOptions scale;

    @Option(names = "--alerts-per-night", description = "Alerts a night (default: 200000 for ztf, 10000000 for rubin, its design figure).")
    Double alertsPerNight;

    @Option(names = "--timeout", defaultValue = "10m", converter = DurationConverter.class,
            description = "Wall-clock limit per module and pass, e.g. 90s, 10m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--pue", defaultValue = "1.25", description = "Data-centre PUE (default: ${DEFAULT-VALUE}).")
    double pue;

    @Option(names = "--country", defaultValue = "FR", description = "Grid carbon intensity: FR, DE, GB, US or WORLD (default: ${DEFAULT-VALUE}).")
    String country;

    @Option(names = {"-o", "--output"}, defaultValue = "fink-perf-report", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--quiet", description = "Hide the modules' own output.")
    boolean quiet;

    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    @Mixin
    RunnerOptions runnerOptions;

    @Override
    public Integer call() {
        workload.validate();
        scale.validate();
        double night = alertsPerNight != null ? alertsPerNight : "rubin".equals(workload.survey) ? 10_000_000 : 200_000;
        if (!(night > 0)) {
            throw new FinkPerfException(ExitCode.USAGE, "--alerts-per-night must be > 0, got " + night);
        }
        EnergySettings energy;
        try {
            energy = EnergySettings.defaults().withPue(pue).withIntensity(CarbonIntensity.of(country))
                    .withAlertsPerNight(night).withMaxBaselineS(0);
        } catch (IllegalArgumentException e) {
            throw new FinkPerfException(ExitCode.USAGE, e.getMessage());
        }
        ModuleRegistry reg = workload.loadRegistry();
        ProfileRequest req = new ProfileRequest(reg, workload.select(reg), workload.science(), workload.dataPath(),
                workload.survey, workload.nAlerts, 1, 3, workload.chunkRows, timeout, true, output.toAbsolutePath());
        List<ReportWriter> writers = Reports.incremental();
        ConsoleProgress progress = new ConsoleProgress(System.err, !quiet);
        RunResults results;
        try (ModuleRunner runner = runnerOptions.create()) {
            results = new ProfileEngine(runner, progress, (soFar, m) -> Reports.write(writers, soFar, output), energy).run(req);
            results = ScaleRun.after(results, req, scale, night, energy, runner, progress, writers, output);
        }
        Reports.write(Reports.all(), results, output);
        System.out.println(ScaleMarkdown.table(results.scale()));
        System.out.println("report: " + output.toAbsolutePath().normalize());
        return ExceptionMapper.exitCodeOf(results).code();
    }
}
