package io.finkperf.results;

/** Weighted least squares for y = a + b·x: the arithmetic the cost fits share. */
final class LineFit {

    private LineFit() {
    }

    /** {a, b}; {@code w} null for equal weights. With one distinct x, b = 0 and a = the weighted mean. */
    static double[] leastSquares(double[] x, double[] y, double[] w) {
        double sw = 0, sx = 0, sy = 0;
        for (int i = 0; i < x.length; i++) {
            double wi = w == null ? 1 : w[i];
            sw += wi;
            sx += wi * x[i];
            sy += wi * y[i];
        }
        double mx = sx / sw, my = sy / sw, sxx = 0, sxy = 0;
        for (int i = 0; i < x.length; i++) {
            double wi = w == null ? 1 : w[i];
            sxx += wi * (x[i] - mx) * (x[i] - mx);
            sxy += wi * (x[i] - mx) * (y[i] - my);
        }
        double b = sxx > 0 ? sxy / sxx : 0;
        return new double[] {my - b * mx, b};
    }

    /** Like {@link #leastSquares} with a, b >= 0: a negative one is set to 0 and the other refitted. */
    static double[] nonNegative(double[] x, double[] y, double[] w) {
        double[] ab = leastSquares(x, y, w);
        if (ab[0] >= 0 && ab[1] >= 0) {
            return ab;
        }
        double sxy = 0, sxx = 0, sy = 0, sw = 0;
        for (int i = 0; i < x.length; i++) {
            double wi = w == null ? 1 : w[i];
            sxy += wi * x[i] * y[i];
            sxx += wi * x[i] * x[i];
            sy += wi * y[i];
            sw += wi;
        }
        if (ab[0] < 0) {
            return new double[] {0, Math.max(0, sxx > 0 ? sxy / sxx : 0)};
        }
        return new double[] {Math.max(0, sy / sw), 0};
    }
}
