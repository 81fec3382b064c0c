package io.finkperf.compare;

import java.util.Arrays;

/**
 * Distribution-free estimates for ratios of times, on log scale: Hodges–Lehmann estimates with the
 * intervals that invert the Wilcoxon signed-rank test (paired) or the Mann–Whitney test (unpaired),
 * and those tests' two-sided p-values, exact for small samples without ties. See docs/compare.md.
 */
public final class RankStats {

    /** Exact null distributions up to this many pairs or observations per side; normal beyond. */
    static final int EXACT_MAX = 60;
    static final int EXACT_MAX_UNPAIRED = 30;

    private RankStats() {
    }

    /** A shift on log scale (head − base) with its interval and p-value. */
    public record Shift(double estimate, double low, double high, double pValue, int n) {
        public double ratio() {
            return Math.exp(estimate);
        }
    }

    /**
     * Paired: {@code d[i]} = log(head_i) − log(base_i) per round. Estimate = median of the Walsh
     * averages (d_i + d_j)/2, i ≤ j; interval = order statistics of those averages at the signed-rank
     * critical value; p = two-sided signed-rank test of "median d = 0".
     */
    public static Shift paired(double[] d, double confidence) {
        int n = d.length;
        if (n == 0) {
            return new Shift(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] walsh = new double[n * (n + 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                walsh[k++] = (d[i] + d[j]) / 2;
            }
        }
        return shift(walsh, signedRankCritical(n, (1 - confidence) / 2), signedRankP(d), n);
    }

    /**
     * Unpaired: x (base) and y (head) on log scale. Estimate = median of all y_j − x_i; interval =
     * order statistics at the Mann–Whitney critical value; p = two-sided Mann–Whitney test.
     */
    public static Shift unpaired(double[] x, double[] y, double confidence) {
        int m = x.length;
        int n = y.length;
        if (m == 0 || n == 0) {
            return new Shift(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] diffs = new double[m * n];
        int k = 0;
        for (double xi : x) {
            for (double yj : y) {
                diffs[k++] = yj - xi;
            }
        }
        return shift(diffs, mannWhitneyCritical(m, n, (1 - confidence) / 2), mannWhitneyP(x, y), Math.min(m, n));
    }

    /** Median of the pairwise values, interval from their c-th smallest to c-th largest (all when c < 0). */
    private static Shift shift(double[] pairwise, int c, double p, int n) {
        Arrays.sort(pairwise);
        int last = pairwise.length - 1;
        double low = c < 0 ? pairwise[0] : pairwise[c];
        double high = c < 0 ? pairwise[last] : pairwise[last - c];
        return new Shift(median(pairwise), low, high, p, n);
    }

    /**
     * The largest c (0-based index into the sorted Walsh averages) with P(T ≤ c − 1) ≤ tail, i.e.
     * the interval [W_(c), W_(M−1−c)] covers at least 1 − 2·tail; −1 when even c = 0 does not.
     */
    static int signedRankCritical(int n, double tail) {
        if (n > EXACT_MAX) {
            double mean = n * (n + 1) / 4.0;
            double sd = Math.sqrt(n * (n + 1) * (2 * n + 1) / 24.0);
            return normalCritical(mean, sd, tail);
        }
        return critical(cumulative(signedRankCounts(n), Math.pow(2, n)), tail);
    }

    /** Two-sided p of the signed-rank test; zeros dropped, midranks for ties (then the normal approximation). */
    static double signedRankP(double[] d) {
        double[] nz = Arrays.stream(d).filter(v -> v != 0).toArray();
        int n = nz.length;
        if (n == 0) {
            return 1.0;
        }
        double[] abs = Arrays.stream(nz).map(Math::abs).toArray();
        double[] ranks = ranks(abs);
        double wPlus = 0;
        for (int i = 0; i < n; i++) {
            if (nz[i] > 0) {
                wPlus += ranks[i];
            }
        }
        boolean ties = hasTies(abs);
        if (n <= EXACT_MAX && !ties) {
            long[] counts = signedRankCounts(n);
            double total = Math.pow(2, n);
            double max = n * (n + 1) / 2.0;
            double t = Math.min(wPlus, max - wPlus);
            double lower = 0;
            for (int s = 0; s <= (int) Math.round(t); s++) {
                lower += counts[s];
            }
            return Math.min(1.0, 2 * lower / total);
        }
        double mean = n * (n + 1) / 4.0;
        double var = n * (n + 1) * (2 * n + 1) / 24.0 - tieCorrection(abs) / 48.0;
        return normalP(wPlus, mean, var);
    }

    /** counts[s] = number of subsets of {1..n} summing to s. */
    static long[] signedRankCounts(int n) {
        int max = n * (n + 1) / 2;
        long[] c = new long[max + 1];
        c[0] = 1;
        for (int r = 1; r <= n; r++) {
            for (int s = max; s >= r; s--) {
                c[s] += c[s - r];
            }
        }
        return c;
    }

    static double mannWhitneyP(double[] x, double[] y) {
        int m = x.length;
        int n = y.length;
        double[] all = new double[m + n];
        System.arraycopy(x, 0, all, 0, m);
        System.arraycopy(y, 0, all, m, n);
        double[] r = ranks(all);
        double rx = 0;
        for (int i = 0; i < m; i++) {
            rx += r[i];
        }
        double u = rx - m * (m + 1) / 2.0;
        double mean = m * n / 2.0;
        if (m <= EXACT_MAX_UNPAIRED && n <= EXACT_MAX_UNPAIRED && !hasTies(all)) {
            double[] cdf = cumulative(mannWhitneyCounts(m, n), binomial(m + n, m));
            double t = Math.min(u, m * (double) n - u);
            return Math.min(1.0, 2 * cdf[(int) Math.round(t)]);
        }
        double var = m * n / 12.0 * ((m + n + 1) - tieCorrection(all) / ((m + n) * (double) (m + n - 1)));
        return normalP(u, mean, var);
    }

    /** Largest c with P(U ≤ c − 1) ≤ tail (see {@link #signedRankCritical}). */
    static int mannWhitneyCritical(int m, int n, double tail) {
        if (m > EXACT_MAX_UNPAIRED || n > EXACT_MAX_UNPAIRED) {
            double mean = m * n / 2.0;
            double sd = Math.sqrt(m * n * (m + n + 1) / 12.0);
            return normalCritical(mean, sd, tail);
        }
        return critical(cumulative(mannWhitneyCounts(m, n), binomial(m + n, m)), tail);
    }

    /**
     * counts[u] = number of orderings of m x's and n y's with statistic u: c(i, j) is built from
     * orderings ending in an x (which follows j y's, adding j) or in a y (adding nothing).
     */
    static double[] mannWhitneyCounts(int m, int n) {
        double[][][] c = new double[m + 1][n + 1][];
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                double[] row = new double[i * j + 1];
                if (i == 0 || j == 0) {
                    row[0] = 1;
                } else {
                    double[] lastX = c[i - 1][j];
                    double[] lastY = c[i][j - 1];
                    for (int u = 0; u < lastX.length; u++) {
                        row[u + j] += lastX[u];
                    }
                    for (int u = 0; u < lastY.length; u++) {
                        row[u] += lastY[u];
                    }
                }
                c[i][j] = row;
            }
        }
        return c[m][n];
    }

    /** The largest c with cdf[c − 1] ≤ tail (cdf rising), −1 when cdf[0] is already above it. */
    private static int critical(double[] cdf, double tail) {
        int c = -1;
        for (int t = 0; t < cdf.length && cdf[t] <= tail; t++) {
            c = t + 1;
        }
        return c;
    }

    /** The normal approximation's critical value, for sizes past the exact tables. */
    private static int normalCritical(double mean, double sd, double tail) {
        return Math.max(-1, (int) Math.floor(mean - Normal.quantile(1 - tail) * sd));
    }

    /** Two-sided p of a rank statistic by the normal approximation, with continuity correction. */
    private static double normalP(double statistic, double mean, double var) {
        double z = (Math.abs(statistic - mean) - 0.5) / Math.sqrt(var);
        return Math.min(1.0, 2 * (1 - Normal.cdf(Math.max(0, z))));
    }

    private static double[] cumulative(long[] counts, double total) {
        return cumulative(Arrays.stream(counts).asDoubleStream().toArray(), total);
    }

    private static double[] cumulative(double[] counts, double total) {
        double[] out = new double[counts.length];
        double s = 0;
        for (int i = 0; i < counts.length; i++) {
            s += counts[i];
            out[i] = s / total;
        }
        return out;
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = mid;
            }
            i = j + 1;
        }
        return r;
    }

    private static boolean hasTies(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        for (int i = 1; i < s.length; i++) {
            if (s[i] == s[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /** Σ (t³ − t) over groups of tied values. */
    private static double tieCorrection(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double sum = 0;
        int i = 0;
        while (i < s.length) {
            int j = i;
            while (j + 1 < s.length && s[j + 1] == s[i]) {
                j++;
            }
            double t = j - i + 1;
            sum += t * t * t - t;
            i = j + 1;
        }
        return sum;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
