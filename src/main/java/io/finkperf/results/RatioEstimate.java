package io.finkperf.results;

/**
 * head/base of a time, with its confidence interval and the p-value of a rank test.
 *
 * @param method e.g. "Hodges-Lehmann + Wilcoxon signed-rank, paired by round" or "… Mann-Whitney, unpaired"
 * @param n      pairs (paired) or the smaller sample size (unpaired)
 */
public record RatioEstimate(double ratio, double low, double high, double pValue, String method, int n) {

    /** Largest distance of the interval from 1: how far from "no change" this could be. */
    public double spread() {
        return Math.max(Math.abs(low - 1), Math.abs(high - 1));
    }
}
