package io.finkperf.bench;

import io.finkperf.batch.BatchInfo;
import io.finkperf.compare.CompareRequest;
import io.finkperf.compare.ComparisonEngine;
import io.finkperf.compare.Judge;
import io.finkperf.data.AlertData;
import io.finkperf.data.Survey;
import io.finkperf.engine.RunProgress;
import io.finkperf.registry.CallKind;
import io.finkperf.registry.ModuleArg;
import io.finkperf.registry.ModuleRegistry;
import io.finkperf.registry.ModuleSpec;
import io.finkperf.registry.ModuleType;
import io.finkperf.results.ComparisonModule;
import io.finkperf.results.ComparisonSide;
import io.finkperf.results.ComparisonVerdict;
import io.finkperf.runner.WarmLauncher;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well {@code compare} detects a known slowdown on this machine: a bundled module whose cost is
 * exactly proportional to a constant ({@link #MODULE_SOURCE}) is compared, base against a head
 * made 0, 5, 10, 20 % costlier, many times over; the share of comparisons that say "slower" is the
 * detection rate (at 0 %, the false-alarm rate).
 */
public final class CompareBenchmark {

    /** Pure-Python work: ROUNDS passes over each alert's magnitudes, nothing else of note. */
    static final String MODULE_SOURCE = """
            \"\"\"fink-perf bench-compare: pure-Python work exactly proportional to COST.\"\"\"
            import numpy as np
            import pandas as pd

            COST = %s
            ROUNDS = int(round(400 * COST))


            def tunable_cost(cjd, cmagpsf):
                out = []
                for mag in cmagpsf:
                    m = [] if mag is None else [float(x) for x in mag if x == x]
                    acc = 0.0
                    for _ in range(ROUNDS):
                        for x in m:
                            acc += x * 1e-3
                    out.append(acc)
                return pd.Series(out, dtype=np.float64)
            """;

    static final ModuleSpec MODULE = new ModuleSpec("tunable_cost", "fink_science.ztf.tunable_cost.processor:tunable_cost",
            ModuleType.FEATURE, CallKind.PANDAS_UDF, List.of(ModuleArg.column("cjd"), ModuleArg.column("cmagpsf")),
            "tunable_cost", List.of(), "bench-compare: cost proportional to COST");

    /** Detection counts for one injected slowdown. */
    public record Row(double slowdownPct, int comparisons, int slower, int faster, int tooNoisy, double medianRatio,
                      double medianNoiseFloor, double meanSeconds) {
        public double detectionRate() {
            return comparisons == 0 ? Double.NaN : (double) slower / comparisons;
        }

        public double falseAlarmRate() {
            return comparisons == 0 ? Double.NaN : (double) (slower + faster) / comparisons;
        }
    }

    private final Path data;
    private final Path work;
    private final WarmLauncher launcher;
    private final PrintStream out;

    public CompareBenchmark(Path data, Path work, WarmLauncher launcher, PrintStream out) {
        this.data = data;
        this.work = work;
        this.launcher = launcher;
        this.out = out;
    }

    /**
     * @param slowdownsPct e.g. 0, 5, 10, 20
     * @param repeats      comparisons per slowdown
     */
    public List<Row> run(List<Double> slowdownsPct, int repeats, long nAlerts, int rounds, int callsPerRound,
                         Duration minRound, int retriesWhenNoisy, Judge judge, CompareRequest.Metric metric) {
        Path batchDir = work.resolve("batch");
        long rows;
        try (AlertData alerts = AlertData.open(data, Survey.ZTF)) {
            BatchInfo b = alerts.writeBatch(List.of("cjd", "cmagpsf"), nAlerts, batchDir, 10_000);
            rows = b.nRows();
        }
        Path base = science("base", 1.0);
        ModuleRegistry registry = new ModuleRegistry("bench-compare", "ztf", List.of(MODULE));
        ComparisonEngine engine = new ComparisonEngine(launcher, Map.of(), RunProgress.SILENT, c -> { });
        List<Row> table = new ArrayList<>();
        for (double pct : slowdownsPct) {
            Path head = science(String.format(Locale.ROOT, "head-%s", pct), 1 + pct / 100);
            CompareRequest req = new CompareRequest(registry, List.of(MODULE), new ComparisonSide("base", "COST 1", null, null),
                    base, new ComparisonSide("head", "COST " + (1 + pct / 100), null, null), head, data, "ztf", nAlerts,
                    10_000, rounds, callsPerRound, minRound, 2, retriesWhenNoisy, Duration.ofMinutes(5), false, judge, 1e-9, metric,
                    work.resolve("out-" + pct));
            int slower = 0;
            int faster = 0;
            int noisy = 0;
            List<Double> ratios = new ArrayList<>();
            List<Double> floors = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < repeats; i++) {
                ComparisonModule m = engine.compareOnBatch(req, MODULE, batchDir, rows);
                if (m.time() == null) {
                    throw new IllegalStateException("bench-compare: the bench module failed: " + m.error());
                }
                slower += m.verdict() == ComparisonVerdict.SLOWER ? 1 : 0;
                faster += m.verdict() == ComparisonVerdict.FASTER ? 1 : 0;
                noisy += m.verdict() == ComparisonVerdict.TOO_NOISY ? 1 : 0;
                ratios.add(m.time().ratio());
                floors.add(m.noiseFloor());
                out.printf(Locale.ROOT, "  +%4.1f %%  #%-3d %-18s head/base %.4f [%.4f, %.4f] p %.3g noise ±%.2f %%%n", pct,
                        i + 1, m.verdict().label(), m.time().ratio(), m.time().low(), m.time().high(), m.time().pValue(),
                        100 * m.noiseFloor());
            }
            table.add(new Row(pct, repeats, slower, faster, noisy, median(ratios), median(floors),
                    (System.nanoTime() - t0) / 1e9 / Math.max(1, repeats)));
        }
        return table;
    }

    private Path science(String name, double cost) {
        Path dir = work.resolve(name);
        Path pkg = dir.resolve("fink_science/ztf/tunable_cost");
        try {
            Files.createDirectories(pkg);
            Files.writeString(dir.resolve("fink_science/__init__.py"), "");
            Files.writeString(dir.resolve("fink_science/ztf/__init__.py"), "");
            Files.writeString(pkg.resolve("__init__.py"), "");
            Files.writeString(pkg.resolve("processor.py"), String.format(Locale.ROOT, MODULE_SOURCE, cost));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bench module into " + dir, e);
        }
        return dir;
    }

    private static double median(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
