package io.finkperf.report;

import io.finkperf.results.ComparisonStart;
import io.finkperf.results.Comparison;
import io.finkperf.results.ComparisonModule;
import io.finkperf.results.ComparisonSamples;
import io.finkperf.results.ComparisonSettings;
import io.finkperf.results.ComparisonSide;
import io.finkperf.results.ComparisonVerdict;
import io.finkperf.results.LineChange;
import io.finkperf.results.OutputComparison;
import io.finkperf.results.RatioEstimate;
import java.util.Collections;
import java.util.List;

/** A comparison with one module of each kind of verdict, for the writers' tests. */
final class CompareFixtures {

    private CompareFixtures() {
    }

    static Comparison comparison() {
        ComparisonSettings settings = new ComparisonSettings(10, 3, 100_000_000, 2, 1, 0.05, 0.01, 0.95, 1e-9, 72, "ztf",
                "datasets/ztf/ftransfer_sample_72.parquet", "local", "cpu");
        return new Comparison(Comparison.SCHEMA, "0.1.0", "2026-11-29T08:00:00Z", "2026-11-29T08:01:30Z", true,
                new ComparisonSide("base", "origin/master", "/tmp/base", "0123456789abcdef0123"),
                new ComparisonSide("head", "HEAD", "/tmp/head", "fedcba9876543210fedc"), settings, null,
                List.of(slower(), changedOutput(), noisy(), failedOnHead(), newModule()));
    }

    static ComparisonModule slower() {
        RatioEstimate cpu = new RatioEstimate(1.295, 1.277, 1.320, 0.00195, "Hodges-Lehmann, Wilcoxon signed-rank, paired by round", 10);
        RatioEstimate wall = new RatioEstimate(1.25, 1.055, 1.483, 0.0039, "Hodges-Lehmann, Wilcoxon signed-rank, paired by round", 10);
        RatioEstimate aa = new RatioEstimate(1.002, 0.983, 1.017, 0.77, "Hodges-Lehmann, Wilcoxon signed-rank, paired by round", 10);
        LineChange changed = new LineChange("fink_science/ztf/slow_lc/processor.py", "structure_function",
                "                total += d2 / (1.0 + dt / tau) + 0.0 * tau", "                total += d2 / (1.0 + dt / tau)",
                27, 27, 367296, 367296, 330_000_000, 450_000_000, 0.67, 0.74, false);
        LineChange same = new LineChange("fink_science/ztf/slow_lc/processor.py", "structure_function",
                "            dt = abs(t[i] - t[j])", null, 25, 25, 5739, 5739, 1_600_000, 1_700_000, 0.003, 0.003, false);
        return new ComparisonModule("slow_lc", "feature", ComparisonVerdict.SLOWER, null, 72, cpu, aa, 0.017, wall, cpu,
                same(), new ComparisonStart(400_000_000, 10_700_000, 46_800_000, 65L << 20),
                new ComparisonStart(410_000_000, 16_400_000, 62_800_000, 66L << 20), List.of(changed, same),
                samples(10_300_000, 13_500_000));
    }

    static ComparisonModule changedOutput() {
        RatioEstimate r = new RatioEstimate(1.003, 0.991, 1.012, 0.63, "Hodges-Lehmann, Wilcoxon signed-rank, paired by round", 10);
        OutputComparison out = new OutputComparison(OutputComparison.CHANGED, true, 72, 5, 42.5, 1.0,
                List.of(new OutputComparison.OutputExample(0, "ZTF18abcdefg", "-0.5", "42.0"),
                        new OutputComparison.OutputExample(1, "ZTF19a|pipe`tick", "NaN", "42.0")),
                "aa", "bb", "float64", "float64", null);
        return new ComparisonModule("lc_features", "feature", ComparisonVerdict.UNCHANGED, null, 72, r, r, 0.02, r, r,
                out, null, null, List.of(), samples(1_500_000, 1_500_000));
    }

    static ComparisonModule noisy() {
        RatioEstimate r = new RatioEstimate(1.04, 0.954, 1.135, 0.32, "Hodges-Lehmann, Wilcoxon signed-rank, paired by round", 10);
        RatioEstimate aa = new RatioEstimate(0.97, 0.889, 1.111, 0.5, "Hodges-Lehmann, Wilcoxon signed-rank, paired by round", 10);
        return new ComparisonModule("xmatch_local", "xmatch", ComparisonVerdict.TOO_NOISY, null, 72, r, aa, 0.111, r, r,
                same(), null, null, List.of(), samples(1_300_000, 1_350_000));
    }

    static ComparisonModule failedOnHead() {
        return new ComparisonModule("early_classifier", "ml", ComparisonVerdict.FAILED_ON_HEAD,
                "head: exception: ZeroDivisionError: division by zero", 72, null, null, null, null, null, null, null,
                null, List.of(), ComparisonSamples.NONE);
    }

    static ComparisonModule newModule() {
        return new ComparisonModule("brand_new", "ml", ComparisonVerdict.NEW_MODULE, null, 72, null, null, null, null,
                null, null, null, null, List.of(), ComparisonSamples.NONE);
    }

    static OutputComparison same() {
        return new OutputComparison(OutputComparison.SAME, true, 72, 0, 0, 0, List.of(), "aa", "aa", "float64",
                "float64", null);
    }

    private static ComparisonSamples samples(long base, long head) {
        List<Long> b = Collections.nCopies(30, base);
        List<Long> h = Collections.nCopies(30, head);
        return new ComparisonSamples(b, h, b, b, h, b, 3, true, 1);
    }
}
