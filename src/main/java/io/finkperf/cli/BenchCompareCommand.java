package io.finkperf.cli;

import io.finkperf.bench.CompareBenchmark;
import io.finkperf.runner.local.LocalWarmLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench-compare", mixinStandardHelpOptions = true, sortOptions = false)
public final class BenchCompareCommand implements Callable<Integer> {

    @Option(names = "--slowdowns", defaultValue = "0,5,10,20", split = ",", paramLabel = "PCT") List<Double> slowdowns;
    @Option(names = "--repeats", defaultValue = "20") int repeats;
    @Option(names = "--n-alerts", defaultValue = "0") long nAlerts;
    @Mixin BenchDataOption data;
    @Mixin VerboseOption verbose;
    @Mixin CompareOptions options;
    @Mixin PythonOption python;

    @Override
    public Integer call() throws Exception {
        options.validate();
        if (repeats < 1) {
            throw new FinkPerfException(ExitCode.USAGE, "--repeats must be >= 1, got " + repeats);
        }
        Path work = Files.createTempDirectory("fink-perf-bench-compare");
        var bench = new CompareBenchmark(data.path(), work,
                new LocalWarmLauncher(python.find(), FinkPerfHome.driverDir()), System.out);
        long t0 = System.nanoTime();
        List<CompareBenchmark.Row> rows = bench.run(slowdowns, repeats, nAlerts, options.rounds, options.callsPerRound,
                options.minRoundTime, options.retriesWhenNoisy, options.judge(), options.metric);
        System.out.println();
        System.out.printf(Locale.ROOT, "bench-compare: %d rounds x %d calls, threshold %s %%, metric %s, %d comparisons per row%n",
                options.rounds, options.callsPerRound, options.threshold, options.metric, repeats);
        System.out.printf(Locale.ROOT, "%9s %8s %8s %8s %10s %13s %12s %12s  %s%n", "slowdown", "slower", "faster", "noisy",
                "detected", "median ratio", "noise floor", "s/compare", "goal");
        for (CompareBenchmark.Row r : rows) {
            String goal = r.slowdownPct() == 0 ? String.format(Locale.ROOT, "false alarms %.1f %% (goal < 1 %%)",
                    100 * r.falseAlarmRate())
                    : r.slowdownPct() == 10 ? String.format(Locale.ROOT, "%.2fx of the 95 %% goal", r.detectionRate() / 0.95) : "";
            System.out.printf(Locale.ROOT, "%8.1f%% %8d %8d %8d %9.1f%% %13.4f %11.2f%% %12.2f  %s%n", r.slowdownPct(),
                    r.slower(), r.faster(), r.tooNoisy(), 100 * r.detectionRate(), r.medianRatio(),
                    100 * r.medianNoiseFloor(), r.meanSeconds(), goal);
        }
        System.out.printf(Locale.ROOT, "total %.1f s; work folder %s%n", (System.nanoTime() - t0) / 1e9, work);
        return 0;
    }
}
