package io.finkperf.results;

import java.util.ArrayList;
import java.util.List;

/**
 * Cost per alert against light-curve length L: t(L) = c0 + c·L^k (CPU ns per alert, the fixed cost
 * per call taken off). k is found on a grid (0–4, step 0.005) with c0, c >= 0 by least squares in
 * relative terms, on the lengths from {@code fittedFrom} up (shorter light curves mostly take a
 * module's early exit, "fewer than 2 detections", and would bend the power law; they stay in
 * {@code lengths} and the charts); a growth that stays under 10 % of the cost at the longest length measured is
 * called flat and gets no k (the data cannot tell one). {@code localExponent} is d ln t / d ln L of
 * the fit at the longest length: what doubling the light curves does there.
 */
public record LengthFit(Double exponent, double c0Ns, double cNs, double localExponent, boolean flat, int fittedFrom,
                        List<Double> lengths, List<Double> perAlertNs, List<Projection> projections) {

    static final double FLAT_SHARE = 0.10;

    /** Cost per alert, and one core's rate, at a light-curve length beyond (or within) those measured. */
    public record Projection(int length, double perAlertNs, double alertsPerSecondPerCore) {
    }

    public LengthFit {
        lengths = List.copyOf(lengths);
        perAlertNs = List.copyOf(perAlertNs);
        projections = List.copyOf(projections);
    }

    /** Null with fewer than two lengths from {@code fitFrom} up. */
    public static LengthFit of(List<LengthRun> resized, double aNs, List<Integer> projectTo, int fitFrom) {
        List<LengthRun> used = resized.stream().filter(r -> r.points() >= fitFrom).toList();
        if (used.size() < 2) {
            return null;
        }
        double[] x = used.stream().mapToDouble(LengthRun::points).toArray();
        double[] y = used.stream().mapToDouble(r -> r.perAlertNs(aNs)).toArray();
        double[] w = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            w[i] = 1.0 / Math.max(y[i] * y[i], 1.0);
        }
        double best = Double.POSITIVE_INFINITY;
        double[] bestFit = {0, 0};
        double bestK = 0;
        for (int step = 0; step <= 800; step++) {
            double k = step * 0.005;
            double[] xk = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                xk[i] = Math.pow(x[i], k);
            }
            double[] f = LineFit.nonNegative(xk, y, w);
            double sse = 0;
            for (int i = 0; i < x.length; i++) {
                double r = y[i] - f[0] - f[1] * xk[i];
                sse += w[i] * r * r;
            }
            if (sse < best - 1e-12) {
                best = sse;
                bestFit = f;
                bestK = k;
            }
        }
        double lMax = max(x);
        double grow = bestFit[1] * Math.pow(lMax, bestK);
        boolean flat = grow < FLAT_SHARE * (bestFit[0] + grow);
        double local = flat ? 0 : bestK * grow / (bestFit[0] + grow);
        List<Projection> projections = new ArrayList<>();
        for (int l : projectTo) {
            double t = bestFit[0] + (flat ? 0 : bestFit[1] * Math.pow(l, bestK));
            projections.add(new Projection(l, t, t > 0 ? 1e9 / t : Double.POSITIVE_INFINITY));
        }
        return new LengthFit(flat ? null : bestK, bestFit[0], bestFit[1], local, flat, fitFrom,
                resized.stream().map(LengthRun::points).toList(), resized.stream().map(r -> r.perAlertNs(aNs)).toList(),
                projections);
    }

    /** Fitted CPU ns per alert at length L. */
    public double at(double length) {
        return c0Ns + (flat ? 0 : cNs * Math.pow(length, exponent));
    }

    private static double max(double[] v) {
        double m = v[0];
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }
}
