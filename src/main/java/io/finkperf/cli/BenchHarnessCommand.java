package io.finkperf.cli;

import io.finkperf.bench.HarnessBenchmarks;
import io.finkperf.bench.HarnessBenchmarks.Figure;
import io.finkperf.data.LocalSpark;
import java.io.PrintStream;
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

@Command(name = "bench-harness", mixinStandardHelpOptions = true, sortOptions = false)
public final class BenchHarnessCommand implements Callable<Integer> {

    @Option(names = "--n-alerts", defaultValue = "10000") long nAlerts;
    @Option(names = "--repeats", defaultValue = "5") int repeats;
    @Option(names = "--loops", defaultValue = "50") int loops;
    @Option(names = "--cores", defaultValue = "2") int cores;
    @Mixin BenchDataOption data;
    @Mixin PythonOption python;
    @Option(names = "--no-jmh") boolean noJmh;
    @Mixin VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        long jvmToCommandMs = HarnessBenchmarks.jvmUptimeMs();
        PrintStream out = System.out;
        List<Figure> figures;
        try (TempFolder work = TempFolder.create("fink-perf-bench")) {
            figures = figures(work.dir(), jvmToCommandMs);
        }
        out.println();
        out.printf(Locale.ROOT, "%-45s %14s %-14s %12s %9s%n", "figure", "value", "unit", "goal", "ratio");
        for (Figure f : figures) {
            out.printf(Locale.ROOT, "%-45s %14.3f %-14s %12s %8.2fx  %s%n", f.name(), f.value(), f.unit(),
                    (f.higherIsBetter() ? ">= " : "<= ") + f.goal(), f.ratioToGoal(), f.detail());
        }
        if (!noJmh) {
            runJmh(out);
        }
        return 0;
    }

    private List<Figure> figures(Path work, long jvmToCommandMs) throws Exception {
        var bench = new HarnessBenchmarks(data.path(), work, FinkPerfHome.driverDir(), python.find());
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
        return figures;
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
