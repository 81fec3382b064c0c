package io.finkperf.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * t(N) = a + b·N per call (CPU time): {@code aNs} the fixed cost of a call (argument conversion,
 * set-up), {@code bNs} the cost of each alert. Least squares on the mean time of each batch size,
 * weighted by 1/t² so that every decade of N counts alike (relative residuals), with a, b >= 0;
 * 95 % intervals from a bootstrap of the calls within each size (fixed seed: reproducible).
 *
 * @param relativeResiduals per batch size, measured / fitted − 1
 * @param fixedUnderTenPercentAt smallest N where a is under 10 % of a call (a/(a+bN) < 0.1), null if b = 0
 */
public record CostFit(double aNs, double bNs, double[] aInterval95, double[] bInterval95, List<Integer> batchSizes,
                      List<Double> relativeResiduals, Long fixedUnderTenPercentAt) {

    static final int BOOTSTRAP = 400;
    static final long SEED = 16;

    public CostFit {
        batchSizes = List.copyOf(batchSizes);
        relativeResiduals = List.copyOf(relativeResiduals);
    }

    /** Null with fewer than two batch sizes measured. */
    public static CostFit of(List<BatchSizeRun> runs) {
        List<BatchSizeRun> ok = runs.stream().filter(r -> !r.calls().cpuNs().isEmpty()).toList();
        if (ok.stream().map(BatchSizeRun::n).distinct().count() < 2) {
            return null;
        }
        double[] x = ok.stream().mapToDouble(BatchSizeRun::n).toArray();
        double[] y = ok.stream().mapToDouble(r -> r.calls().meanCpuNs()).toArray();
        double[] ab = fit(x, y);
        SplittableRandom rnd = new SplittableRandom(SEED);
        double[] as = new double[BOOTSTRAP];
        double[] bs = new double[BOOTSTRAP];
        for (int i = 0; i < BOOTSTRAP; i++) {
            double[] yb = new double[y.length];
            for (int j = 0; j < y.length; j++) {
                List<Long> cpu = ok.get(j).calls().cpuNs();
                double sum = 0;
                for (int k = 0; k < cpu.size(); k++) {
                    sum += cpu.get(rnd.nextInt(cpu.size()));
                }
                yb[j] = sum / cpu.size();
            }
            double[] f = fit(x, yb);
            as[i] = f[0];
            bs[i] = f[1];
        }
        List<Double> residuals = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            double fitted = ab[0] + ab[1] * x[j];
            residuals.add(fitted > 0 ? y[j] / fitted - 1 : Double.NaN);
        }
        Long n10 = ab[1] > 0 ? (long) Math.floor(9 * ab[0] / ab[1]) + 1 : null;
        return new CostFit(ab[0], ab[1], percentiles(as), percentiles(bs),
                ok.stream().map(BatchSizeRun::n).toList(), residuals, n10);
    }

    static double[] fit(double[] x, double[] y) {
        double[] w = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            w[i] = 1.0 / Math.max(y[i] * y[i], 1.0);
        }
        return LineFit.nonNegative(x, y, w);
    }

    private static double[] percentiles(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return new double[] {s[(int) Math.floor(0.025 * (s.length - 1))], s[(int) Math.ceil(0.975 * (s.length - 1))]};
    }

    /** CPU seconds of one call of N alerts. */
    public double secondsPerCall(long n) {
        return (aNs + bNs * n) / 1e9;
    }

    /** Alerts per CPU second at N alerts per call: N / (a + b·N). */
    public double alertsPerSecondPerCore(long n) {
        double s = secondsPerCall(n);
        return s > 0 ? n / s : Double.POSITIVE_INFINITY;
    }
}
