package io.finkperf.results;

import java.util.Arrays;
import java.util.List;

/** Statistics derived from raw samples, never stored instead of them. */
public record SampleStats(int n, double mean, double std, double median, double min, double max) {

    public static final SampleStats EMPTY = new SampleStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public static SampleStats of(List<? extends Number> samples) {
        return of(samples.stream().mapToDouble(Number::doubleValue).toArray());
    }

    public static SampleStats of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return EMPTY;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        double sq = 0;
        for (double v : values) {
            sq += (v - mean) * (v - mean);
        }
        double std = n > 1 ? Math.sqrt(sq / (n - 1)) : 0.0;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return new SampleStats(n, mean, std, median, sorted[0], sorted[n - 1]);
    }
}
