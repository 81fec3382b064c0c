package io.finkperf.cli;

import io.finkperf.engine.ConsoleProgress;
import io.finkperf.energy.CarbonIntensity;
import io.finkperf.energy.EnergySettings;
import io.finkperf.engine.ProfileEngine;
import io.finkperf.engine.ProfileRequest;
import io.finkperf.registry.ModuleRegistry;
import io.finkperf.report.ReadinessTable;
import io.finkperf.report.ReportWriter;
import io.finkperf.report.Reports;
import io.finkperf.results.RunResults;
import io.finkperf.runner.ModuleRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Profile science modules on real alerts: throughput, per-loop timings, peak memory, line profile.",
                "With no options: the bundled example modules on the bundled ZTF alerts."},
        footer = {"", "Writes results.json (raw samples, environment), line_profile_<module>.txt and reports into --output,",
                "updated after every module so a crash keeps what finished.",
                "--mode spark times the modules again inside Spark tasks (see spark-bench and docs/spark.md)."})
public final class ProfileCommand implements Callable<Integer> {

    public enum Mode { direct, spark }

    @Mixin
    WorkloadOptions workload;

    @Option(names = "--mode", defaultValue = "direct",
            description = "direct: the module called in one Python process; spark: also inside Spark executor tasks, "
                    + "as the broker runs it (${COMPLETION-CANDIDATES}; default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--loops", defaultValue = "5", description = "Measured loops per module (default: ${DEFAULT-VALUE}).")
    int loops;

    @Option(names = "--warmup", defaultValue = "1", description = "Warm-up loops, not measured (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--timeout", defaultValue = "10m", converter = DurationConverter.class,
            description = "Wall-clock limit per module, e.g. 90s, 10m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--no-line-profile", negatable = false, description = "Skip the line_profiler pass.")
    boolean noLineProfile;

    @Option(names = {"-o", "--output"}, defaultValue = "fink-perf-report", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--quiet", description = "Hide the modules' own output.")
    boolean quiet;

    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    @Option(names = "--pue", defaultValue = "1.25", description = "Data-centre PUE for CO2 (default: ${DEFAULT-VALUE}).")
    double pue;

    @Option(names = "--country", defaultValue = "FR", description = "Grid carbon intensity: FR, DE, GB, US or WORLD (default: ${DEFAULT-VALUE}; see docs/energy.md).")
    String country;

    @Option(names = "--intensity", description = "Grid carbon intensity in gCO2eq/kWh; overrides --country.")
    Double intensity;

    @Option(names = "--alerts-per-night", defaultValue = "200000", description = "Alerts a night, to scale CO2 (default: ${DEFAULT-VALUE}).")
    double alertsPerNight;

    @Option(names = "--nights-per-year", defaultValue = "300", description = "Observing nights a year (default: ${DEFAULT-VALUE}).")
    double nightsPerYear;

    @Option(names = "--energy-baseline-max", defaultValue = "60", paramLabel = "SECONDS",
            description = "Longest idle baseline B measured after each module for its energy, in s (0: none; default: ${DEFAULT-VALUE}).")
    double energyBaselineMax;

    @Option(names = "--sample-by", paramLabel = "COLUMN",
            description = "Stratified test batch: the first --per-class alerts of each value of this column, e.g. finkclass.")
    String sampleBy;

    @Option(names = "--per-class", paramLabel = "N", description = "Alerts per value of --sample-by (then --n-alerts applies to the result).")
    Long perClass;

    @Mixin
    RunnerOptions runnerOptions;

    @Mixin
    OfflineOption offline;

    @Mixin
    SparkOptions spark;

    @Override
    public Integer call() {
        validate();
        ModuleRegistry reg = workload.loadRegistry();
        ProfileRequest req = new ProfileRequest(reg, workload.select(reg), workload.science(), workload.dataPath(),
                workload.survey, workload.nAlerts, warmup, loops, workload.chunkRows, timeout, !noLineProfile,
                output.toAbsolutePath(), stratifiedSample());
        List<ReportWriter> writers = Reports.incremental();
        ConsoleProgress progress = new ConsoleProgress(System.err, !quiet);
        RunResults results;
        try (ModuleRunner runner = runnerOptions.survey(workload.survey).create()) {
            results = new ProfileEngine(runner, progress, (soFar, m) -> Reports.write(writers, soFar, output),
                    energySettings())
                    .offline(offline.resolve(runnerOptions))
                    .onReadiness(r -> System.err.println(ReadinessTable.text(r)))
                    .run(req);
        }
        if (mode == Mode.spark) {
            Reports.write(Reports.all(), results, output); // the direct report stands if the Spark pass cannot run
            boolean inContainers = runnerOptions.runner == RunnerOptions.Kind.container;
            results = SparkModeRun.after(results, req, spark, inContainers ? null : runnerOptions.python.find(),
                    inContainers ? ContainerRunnerFactory.sparkWorkers(runnerOptions) : null, progress,
                    soFar -> Reports.write(writers, soFar, output));
        }
        Reports.write(Reports.all(), results, output);
        System.out.println(Reports.consoleSummary(results, output));
        return ExceptionMapper.exitCodeOf(results).code();
    }

    private EnergySettings energySettings() {
        try {
            return EnergySettings.defaults().withPue(pue)
                    .withIntensity(intensity != null ? CarbonIntensity.custom(intensity) : CarbonIntensity.of(country))
                    .withAlertsPerNight(alertsPerNight).withNightsPerYear(nightsPerYear)
                    .withMaxBaselineS(energyBaselineMax);
        } catch (IllegalArgumentException e) {
            throw new FinkPerfException(ExitCode.USAGE, e.getMessage());
        }
    }

    private io.finkperf.data.StratifiedSample stratifiedSample() {
        if (sampleBy == null && perClass == null) {
            return null;
        }
        if (sampleBy == null || perClass == null) {
            throw new FinkPerfException(ExitCode.USAGE, "--sample-by and --per-class go together");
        }
        if (mode == Mode.spark) {
            throw new FinkPerfException(ExitCode.USAGE, "--sample-by is not available with --mode spark yet");
        }
        try {
            return new io.finkperf.data.StratifiedSample(sampleBy, perClass);
        } catch (IllegalArgumentException e) {
            throw new FinkPerfException(ExitCode.USAGE, e.getMessage());
        }
    }

    private void validate() {
        output = OutputFolder.check(output);
        if (loops < 1) {
            throw new FinkPerfException(ExitCode.USAGE, "--loops must be >= 1, got " + loops);
        }
        if (warmup < 0) {
            throw new FinkPerfException(ExitCode.USAGE, "--warmup must be >= 0, got " + warmup);
        }
        workload.validate();
        if (mode == Mode.spark) {
            spark.validate();
            if (runnerOptions.runner == RunnerOptions.Kind.container && spark.ship) {
                throw new FinkPerfException(ExitCode.USAGE, "--ship cannot be combined with --runner container: "
                        + "the workers' containers mount the driver and science folders from this host");
            }
        }
    }
}
