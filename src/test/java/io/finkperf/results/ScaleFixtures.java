package io.finkperf.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Scale records with known costs, for the fit, JSON and report tests. */
public final class ScaleFixtures {

    private ScaleFixtures() {
    }

    /** 8 calls per size of t = a + b·N with ±noise relative jitter (deterministic); peak 10 B per alert. */
    public static List<BatchSizeRun> calls(double aNs, double bNs, double noise, int... sizes) {
        Random rnd = new Random(7);
        List<BatchSizeRun> runs = new ArrayList<>();
        for (int n : sizes) {
            List<Long> cpu = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                cpu.add(Math.round((aNs + bNs * n) * (1 + noise * (2 * rnd.nextDouble() - 1))));
            }
            runs.add(new BatchSizeRun(n, new TimedCalls(cpu, cpu), 1000L, 1000L + 10L * n));
        }
        return runs;
    }

    /** Two calls of k alerts of {@code length} points costing {@code perAlertNs} each on top of the fixed aNs. */
    public static LengthRun resized(int length, double perAlertNs, int k, double aNs) {
        long t = Math.round(aNs + perAlertNs * k);
        return new LengthRun(length, null, null, null, null, k, new TimedCalls(List.of(t, t), List.of(t, t)));
    }

    /** A run of 1 + 2 + 8 × 4 calls timed by fink-perf, {@code fromJvm} of whose wall figures are the JVM's. */
    public static ScaleTiming timing(int fromJvm) {
        List<ScaleMeasurementTiming> ms = new ArrayList<>();
        ms.add(new ScaleMeasurementTiming("cold", List.of(12_300_000L), List.of(12_100_000L), 0, 0));
        ms.add(new ScaleMeasurementTiming("warm", List.of(10_200_000L, 11_200_000L), List.of(9_100_000L, 10_100_000L), 0, 0));
        for (int n : new int[] {1, 10, 100, 1000}) {
            List<Long> rtt = new ArrayList<>(java.util.Collections.nCopies(8, 1_000_000L + 100L * n));
            ms.add(new ScaleMeasurementTiming("N=" + n, rtt, rtt, n == 1000 ? fromJvm : 0, 0));
        }
        return new ScaleTiming(ObservedTiming.JVM_ROUND_TRIP, 210_000, List.of(150_000L, 180_000L, 210_000L), true, ms);
    }

    public static ScaleResult module(String name, String type, double aNs, double bNs, double c, double k) {
        return module(name, type, aNs, bNs, c, k, null);
    }

    public static ScaleResult module(String name, String type, double aNs, double bNs, double c, double k, ScaleTiming timing) {
        List<BatchSizeRun> sizes = calls(aNs, bNs, 0.02, 1, 10, 100, 1000);
        CostFit fit = CostFit.of(sizes);
        List<LengthRun> lengths = new ArrayList<>();
        for (int l : new int[] {1, 5, 20, 100}) {
            lengths.add(resized(l, 1000 + c * Math.pow(l, k), 16, fit.aNs()));
        }
        List<LengthRun> bins = List.of(new LengthRun(null, 6, 10, 11L, 9.1, 64, new TimedCalls(List.of(5_000_000L), List.of(5_000_000L))));
        return new ScaleResult(name, type, "ok", null, 72, 60L << 20, ColdStart.of(5_000_000, 12_000_000, 10_000_000),
                new TimedCalls(List.of(10L, 11L), List.of(9L, 10L)), sizes, "cjd", bins, lengths, fit,
                LengthFit.of(lengths, fit.aNs(), List.of(1000), 5), MemoryFit.of(sizes, 900), null,
                NightCost.of(fit, 200_000, 10_000, 8, 4.375, 1.25, 56), timing);
    }

    public static ScaleReport report() {
        ScaleReport.Settings s = new ScaleReport.Settings("ztf", List.of(1, 10, 100, 1000), List.of(1, 5, 20, 100), 5,
                List.of(1000), 200_000, 10_000, 8, "EPYC (table)", 4.375, 1.25, 56);
        return new ScaleReport(s, List.of(module("slow_lc", "feature", 30e3, 140e3, 3, 2, timing(1)),
                module("lc_features", "feature", 30e3, 4e3, 120, 1, timing(0)),
                module("xmatch_local", "xmatch", 1.2e6, 0.6e3, 0, 0),
                ScaleResult.failed("broken", "ml", "error", "exception: boom")));
    }
}
