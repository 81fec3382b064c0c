package io.finkperf.cli;

import io.finkperf.bench.HarnessBenchmarks;
import io.finkperf.bench.HarnessBenchmarks.Figure;
import io.finkperf.data.LocalSpark;
import io.finkperf.files.Trees;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench-harness", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmarks fink-perf itself and prints each figure as a ratio to its goal:",
                " (a) data path: parquet on disk -> Python-ready batch (goal >= 50 000 alerts/s at 10 000 alerts),",
                "     split into a fixed cost per batch and a rate per extra alert (batches of N and 10 N),",
                " (b) timing floor: an empty module through the harness (goal >= 1 000 000 alerts/s/core),",
                " (c) fixed start-up cost of a run (JVM, Spark session, Python start and imports).",
                "Then the JMH micro-benchmarks of the Java hot paths (skip with --no-jmh)."})
public final class BenchHarnessCommand implements Callable<Integer> {

    @Option(names = "--n-alerts", defaultValue = "10000", description = "Alerts per batch (default: ${DEFAULT-VALUE}).")
    long nAlerts;

    @Option(names = "--repeats", defaultValue = "5", description = "Measured repetitions of the data path (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--loops", defaultValue = "50", description = "Measured loops of the empty module (default: ${DEFAULT-VALUE}).")
    int loops;

    @Option(names = "--cores", defaultValue = "2", description = "Spark local[N] (default: ${DEFAULT-VALUE}).")
    int cores;

    @Option(names = "--data", description = "Parquet alerts (default: the bundled ZTF sample).")
    Path data;

    @Mixin
    PythonOption python;

    @Option(names = "--no-jmh", description = "Skip the JMH micro-benchmarks.")
    boolean noJmh;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        long jvmToCommandMs = HarnessBenchmarks.jvmUptimeMs();
        PrintStream out = System.out;
        Path work = Files.createTempDirectory("fink-perf-bench");
        Path dataPath = data == null ? FinkPerfHome.defaultData("ztf") : data;
        var bench = new HarnessBenchmarks(dataPath, work, FinkPerfHome.driverDir(), python.find());
        List<Figure> figures = new ArrayList<>();
        long sparkStart = System.nanoTime();
        long sparkNs;
        try (LocalSpark spark = LocalSpark.open(cores)) {
            sparkNs = System.nanoTime() - sparkStart;
            figures.addAll(bench.dataPath(spark, nAlerts, repeats));
        }
        Path batch = work.resolve("batch-0");
        figures.add(bench.timingFloor(batch, nAlerts, loops));
        figures.addAll(bench.startupCost(jvmToCommandMs, sparkNs, batch));
        out.println();
        out.printf(Locale.ROOT, "%-45s %14s %-14s %12s %9s%n", "figure", "value", "unit", "goal", "ratio");
        for (Figure f : figures) {
            out.printf(Locale.ROOT, "%-45s %14.3f %-14s %12s %8.2fx  %s%n", f.name(), f.value(), f.unit(),
                    (f.higherIsBetter() ? ">= " : "<= ") + f.goal(), f.ratioToGoal(), f.detail());
        }
        if (!noJmh) {
            runJmh(out);
        }
        Trees.deleteQuietly(work); // a temp folder left behind is harmless
        return 0;
    }

    private static void runJmh(PrintStream out) throws Exception {
        var opts = new OptionsBuilder().include("io\\.finkperf\\..*Benchmark.*")
                .forks(1).warmupIterations(2).measurementIterations(3)
                .warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend(forkJvmArgs()).build();
        out.println();
        out.println("JMH micro-benchmarks of the Java hot paths:");
        for (RunResult r : new Runner(opts).run()) {
            var p = r.getPrimaryResult();
            out.printf(Locale.ROOT, "  %-60s %12.1f ± %.1f %s%n", r.getParams().getBenchmark(), p.getScore(),
                    p.getScoreError(), p.getScoreUnit());
        }
    }

    /** The fork needs the same --add-opens as this JVM: Spark's row classes use Unsafe. */
    private static String[] forkJvmArgs() {
        List<String> args = new ArrayList<>(List.of("-Xmx1g"));
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens")).forEach(args::add);
        return args.toArray(new String[0]);
    }
}
