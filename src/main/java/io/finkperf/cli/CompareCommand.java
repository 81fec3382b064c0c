package io.finkperf.cli;

import io.finkperf.compare.CompareRequest;
import io.finkperf.compare.ComparisonEngine;
import io.finkperf.compare.ComparisonFailOn;
import io.finkperf.compare.GitCheckouts;
import io.finkperf.compare.OfflineComparison;
import io.finkperf.compare.ScienceTree;
import io.finkperf.console.ConsoleProgress;
import io.finkperf.registry.ModuleRegistry;
import io.finkperf.registry.RegistryLoader;
import io.finkperf.report.ComparisonReports;
import io.finkperf.report.ComparisonText;
import io.finkperf.results.Comparison;
import io.finkperf.results.ComparisonModule;
import io.finkperf.results.ComparisonSide;
import io.finkperf.results.ComparisonVerdict;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunResults;
import io.finkperf.runner.ModuleRunner;
import io.finkperf.runner.WarmLauncher;
import io.finkperf.runner.local.LocalWarmLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false)
public final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "0..2", paramLabel = "RESULTS") List<Path> resultsFiles;
    @Option(names = "--base", paramLabel = "DIR|REF") String base;
    @Option(names = "--head", paramLabel = "DIR|REF") String head;
    @Option(names = "--fail-on", defaultValue = "none", paramLabel = "GATE") String failOn;
    @Mixin OutputOption outputOption = new OutputOption("fink-perf-compare");
    @Mixin ConsoleOptions console;
    @Mixin CompareOptions options;
    @Mixin WorkloadOptions workload;
    @Mixin RunnerOptions runnerOptions;

    @Override
    public Integer call() throws IOException {
        Path output = outputOption.dir();
        ComparisonFailOn gate = gate();
        Comparison result = resultsFiles != null && !resultsFiles.isEmpty() ? offline() : interleaved(output);
        ComparisonReports.write(ComparisonReports.all(), result, output);
        for (ComparisonModule m : result.modules()) {
            System.out.printf(Locale.ROOT, "%-22s %s%n", m.name(), ComparisonText.describe(m));
        }
        System.out.println("report: " + output.toAbsolutePath().normalize());
        return exitCode(result, gate).code();
    }

    static ExitCode exitCode(Comparison c, ComparisonFailOn gate) {
        List<String> changed = gate.outputChanges(c);
        if (!changed.isEmpty()) {
            System.err.println("fink-perf: output changed in " + String.join(", ", changed));
            return ExitCode.OUTPUT_CHANGED;
        }
        List<String> slower = gate.regressions(c);
        if (!slower.isEmpty()) {
            System.err.println("fink-perf: regression in " + String.join(", ", slower));
            return ExitCode.REGRESSION;
        }
        boolean headFailed = c.modules().stream().anyMatch(m -> m.verdict() == ComparisonVerdict.FAILED_ON_HEAD
                || m.verdict() == ComparisonVerdict.FAILED_ON_BOTH);
        return headFailed ? ExitCode.MODULE_ERROR : ExitCode.OK;
    }

    private ComparisonFailOn gate() {
        try {
            return ComparisonFailOn.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new FinkPerfException(ExitCode.USAGE, e.getMessage());
        }
    }

    private Comparison offline() throws IOException {
        if (resultsFiles.size() != 2 || base != null || head != null) {
            throw new FinkPerfException(ExitCode.USAGE, "give either two results files (base, head) or --base and --head");
        }
        RunResults b = readResults(resultsFiles.get(0));
        RunResults h = readResults(resultsFiles.get(1));
        return OfflineComparison.of(b, h, side("base", resultsFiles.get(0), b), side("head", resultsFiles.get(1), h),
                options.judge());
    }

    private static ComparisonSide side(String label, Path file, RunResults r) {
        String ref = r.environment() == null ? null : r.environment().scienceRef();
        return new ComparisonSide(label, file.toString(), r.environment() == null ? null : r.environment().scienceDir(),
                ref == null || ref.equals("unknown") ? null : ref);
    }

    private static RunResults readResults(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new FinkPerfException(ExitCode.USAGE, "results file " + file + " does not exist");
        }
        try {
            return ResultsJson.read(file);
        } catch (IOException | RuntimeException e) {
            throw new FinkPerfException(ExitCode.DATA, "cannot read " + file + " as fink-perf results: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private Comparison interleaved(Path output) {
        if (base == null || head == null) {
            throw new FinkPerfException(ExitCode.USAGE, "compare needs --base and --head (folders or git refs), "
                    + "or two results files");
        }
        options.validate();
        runnerOptions.survey(workload.survey); // the default image is the survey's fink-science CI image
        workload.validate();
        Path repo = workload.scienceDir != null ? workload.scienceDir : Path.of("").toAbsolutePath();
        try (GitCheckouts git = new GitCheckouts(repo, output.toAbsolutePath().resolve(".work-compare-checkouts"))) {
            Path baseDir = resolve(git, base, "base");
            Path headDir = resolve(git, head, "head");
            ComparisonSide baseSide = new ComparisonSide("base", base, baseDir.toString(), commit(git, base, baseDir));
            ComparisonSide headSide = new ComparisonSide("head", head, headDir.toString(), commit(git, head, headDir));
            ModuleRegistry reg = registry(headDir);
            CompareRequest req = new CompareRequest(reg, reg.select(workload.modules), baseSide, baseDir, headSide, headDir,
                    workload.dataPath(), workload.survey, workload.nAlerts, workload.chunkRows, options.rounds,
                    options.callsPerRound, options.minRoundTime, options.warmup,
                    options.retriesWhenNoisy, options.timeout, !options.noLineProfile, options.judge(),
                    options.rtol, options.metric, output.toAbsolutePath());
            Map<String, Object> env;
            try (ModuleRunner runner = runnerOptions.create()) {
                runner.checkPackages(List.of("numpy", "pandas"));
                env = runner.environment();
            }
            try (ConsoleProgress progress = console.progress()) {
                return new ComparisonEngine(launcher(), env, progress,
                        soFar -> ComparisonReports.write(ComparisonReports.incremental(), soFar, output)).run(req);
            }
        }
    }

    private WarmLauncher launcher() {
        return switch (runnerOptions.runner) {
            case local -> new LocalWarmLauncher(runnerOptions.python.find(), FinkPerfHome.driverDir());
            case container -> ContainerRunnerFactory.warm(runnerOptions);
        };
    }

    private static Path resolve(GitCheckouts git, String spec, String label) {
        Path dir = Path.of(spec);
        if (Files.isDirectory(dir)) {
            return dir.toAbsolutePath().normalize();
        }
        try {
            return git.checkout(spec, label);
        } catch (IllegalArgumentException e) {
            throw new FinkPerfException(ExitCode.USAGE, "--" + label + " " + e.getMessage());
        }
    }

    private static String commit(GitCheckouts git, String spec, Path dir) {
        return Files.isDirectory(Path.of(spec)) ? GitCheckouts.headCommit(dir).orElse(null)
                : git.commit(spec).orElse(null);
    }

    /**
     * --registry, else the survey's fink-science registry when any of its modules is in the head checkout,
     * else the bundled examples' registry (copies of examples/science).
     */
    private ModuleRegistry registry(Path headDir) {
        ModuleRegistry reg;
        if (workload.registry != null) {
            reg = RegistryLoader.load(workload.registry);
        } else {
            ModuleRegistry real = RegistryLoader.load(FinkPerfHome.registry(workload.survey + ".yaml"));
            reg = real.modules().stream().anyMatch(m -> ScienceTree.hasModule(headDir, m)) ? real
                    : RegistryLoader.load(FinkPerfHome.registry("examples-" + workload.survey + ".yaml"));
        }
        return workload.checked(reg);
    }
}
