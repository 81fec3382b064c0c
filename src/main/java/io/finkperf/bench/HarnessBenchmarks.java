package io.finkperf.bench;

import io.finkperf.data.AlertData;
import io.finkperf.batch.BatchInfo;
import io.finkperf.data.LocalSpark;
import io.finkperf.data.Survey;
import io.finkperf.results.SampleStats;
import io.finkperf.runner.DriverArg;
import io.finkperf.runner.DriverOutcome;
import io.finkperf.runner.DriverSpec;
import io.finkperf.runner.ProgressListener;
import io.finkperf.runner.local.LocalRunner;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness's own costs: how fast alerts reach Python, the smallest time it can measure, and
 * what a run pays before the first module starts. Each figure is compared with its goal as a ratio.
 */
public final class HarnessBenchmarks {

    /** The columns the bundled example modules read: a realistic mix of history and scalar columns. */
    static final List<String> COLUMNS = List.of("cjd", "cfid", "cmagpsf", "csigmapsf", "candidate.candid",
            "candidate.ra", "candidate.dec", "candidate.ndethist", "objectId");

    public record Figure(String name, double value, String unit, double goal, boolean higherIsBetter, String detail) {
        public double ratioToGoal() {
            return higherIsBetter ? value / goal : goal / value;
        }
    }

    private final Path data;
    private final Path work;
    private final Path driverDir;
    private final String python;

    public HarnessBenchmarks(Path data, Path work, Path driverDir, String python) {
        this.data = data;
        this.work = work;
        this.driverDir = driverDir;
        this.python = python;
    }

    /**
     * (a) parquet on disk → Python-ready batch, Spark session already up: the rate at {@code nAlerts}
     * (the goal), then what it is made of, from batches of {@code nAlerts} and ten times as many
     * written alternately: a fixed cost per batch (the Spark query) and a rate per extra alert.
     */
    public List<Figure> dataPath(LocalSpark spark, long nAlerts, int repeats) {
        long big = 10 * nAlerts;
        List<Double> rates = new ArrayList<>();
        List<Double> small = new ArrayList<>();
        List<Double> large = new ArrayList<>();
        try (AlertData alerts = spark.alerts(data, Survey.ZTF)) {
            alerts.writeBatch(COLUMNS, nAlerts, work.resolve("warmup-batch"), 10_000);
            for (int i = 0; i < repeats; i++) {
                BatchInfo b = alerts.writeBatch(COLUMNS, nAlerts, work.resolve("batch-" + i), 10_000);
                rates.add(b.nRows() / (b.nanosToWrite() / 1e9));
                small.add(b.nanosToWrite() / 1e9);
                large.add(alerts.writeBatch(COLUMNS, big, work.resolve("big-batch"), 10_000).nanosToWrite() / 1e9);
            }
        }
        SampleStats s = SampleStats.of(rates);
        DataPathCost cost = DataPathCost.fit(nAlerts, SampleStats.of(small).median(), big, SampleStats.of(large).median());
        return List.of(
                new Figure("data path rate", s.median(), "alerts/s", 50_000, true, String.format(java.util.Locale.ROOT,
                        "%d alerts, %d columns, median of %d (min %.0f, max %.0f)", nAlerts, COLUMNS.size(), repeats, s.min(), s.max())),
                new Figure("data path: fixed cost per batch", cost.fixedSeconds(), "s", nAlerts / 50_000.0, false,
                        String.format(java.util.Locale.ROOT, "from batches of %d and %d alerts; the goal is the whole budget at %d",
                                nAlerts, big, nAlerts)),
                new Figure("data path: rate per extra alert", cost.alertsPerSecond(), "alerts/s", 50_000, true,
                        "writing more alerts once the batch's Spark query has run"));
    }

    /** (b) an empty module measured through the whole harness: the smallest per-alert cost it can see. */
    public Figure timingFloor(Path batch, long nAlerts, int loops) {
        try (LocalRunner runner = new LocalRunner(python, driverDir)) {
            DriverSpec spec = new DriverSpec("noop", "fink_perf_driver.bench_modules:noop", driverDir, batch,
                    List.of(DriverArg.column("cjd")), 3, loops, false, work.resolve("noop.json"), null, "noop",
                    Duration.ofMinutes(5), "pandas_udf");
            DriverOutcome o = runner.run(spec, ProgressListener.SILENT);
            if (!o.ok()) {
                throw new IllegalStateException("noop module failed: " + o.errorLine());
            }
            List<Double> rates = o.samplesSeenNs().stream().map(ns -> nAlerts / (ns / 1e9)).toList();
            SampleStats s = SampleStats.of(rates);
            return new Figure("timing floor (empty module)", s.median(), "alerts/s/core", 1_000_000, true,
                    String.format(java.util.Locale.ROOT, "%d alerts, median of %d loops; overhead on a 1000 alerts/s module: %.4f %%",
                            nAlerts, loops, 100.0 * 1000 / s.median()));
        }
    }

    /** (c) what a whole run pays before the first module computes, split by part. */
    public List<Figure> startupCost(long jvmToCommandMs, long sparkStartNs, Path batch) {
        List<Figure> parts = new ArrayList<>();
        parts.add(new Figure("start-up: JVM to command", jvmToCommandMs / 1000.0, "s", 1, false,
                "JVM boot, class loading and option parsing"));
        parts.add(new Figure("start-up: Spark session", sparkStartNs / 1e9, "s", 5, false, "SparkSession local[N] creation"));
        try (LocalRunner runner = new LocalRunner(python, driverDir)) {
            long t0 = System.nanoTime();
            DriverSpec spec = new DriverSpec("noop", "fink_perf_driver.bench_modules:noop", driverDir, batch,
                    List.of(DriverArg.column("cjd")), 0, 1, false, work.resolve("noop-start.json"), null, "noop",
                    Duration.ofMinutes(5), "pandas_udf");
            DriverOutcome o = runner.run(spec, ProgressListener.SILENT);
            double wall = (System.nanoTime() - t0) / 1e9;
            double importS = o.result() == null ? Double.NaN : o.result().path("import_ns").asLong() / 1e9;
            parts.add(new Figure("start-up: Python process + driver + imports", wall, "s", 2, false,
                    String.format(java.util.Locale.ROOT, "one driver run of an empty module (module import %.3f s)", importS)));
        }
        double total = parts.stream().mapToDouble(Figure::value).sum();
        parts.add(new Figure("start-up: total fixed cost", total, "s", 10, false, "sum of the parts above"));
        return parts;
    }

    public static long jvmUptimeMs() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
