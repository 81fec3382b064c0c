package io.finkperf.compare;

import io.finkperf.results.ComparisonVerdict;
import io.finkperf.results.RatioEstimate;
import java.util.List;

/**
 * Turns raw call times into ratio estimates and a verdict. A round's value is the median of its
 * consecutive calls; rounds pair base and head (and the A/A pass) because they ran side by side.
 *
 * @param threshold  smallest relative change reported (0.05)
 * @param alpha      significance level of the rank test (0.01)
 * @param confidence level of the ratio's interval (0.95)
 */
public record Judge(double threshold, double alpha, double confidence) {

    public static final Judge DEFAULT = new Judge(0.05, 0.01, 0.95);
    static final String PAIRED = "Hodges-Lehmann, Wilcoxon signed-rank, paired by round";
    static final String UNPAIRED = "Hodges-Lehmann, Mann-Whitney, unpaired";
    static final String PAIRED_BOTH = "Hodges-Lehmann, Wilcoxon signed-rank, paired by round, against both base processes";

    public Judge {
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1), got " + threshold);
        }
    }

    /** head/base from the same rounds: one log ratio of round values per round. */
    public RatioEstimate paired(List<Long> base, List<Long> head, int callsPerRound) {
        double[] b = roundValues(base, callsPerRound);
        double[] h = roundValues(head, callsPerRound);
        int n = Math.min(b.length, h.length);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.log(h[i]) - Math.log(b[i]);
        }
        return estimate(RankStats.paired(d, confidence), PAIRED);
    }

    /**
     * head against both base processes of the same rounds: the reference of a round is the geometric
     * mean of the two base processes' values, so an offset that one base process happens to have
     * (its memory layout, its turn on the core) moves the estimate half as much, while the A/A
     * pass between the two still shows it in full.
     */
    public RatioEstimate pairedAgainstBoth(List<Long> base, List<Long> base2, List<Long> head, int callsPerRound) {
        double[] b = roundValues(base, callsPerRound);
        double[] b2 = roundValues(base2, callsPerRound);
        double[] h = roundValues(head, callsPerRound);
        int n = Math.min(b.length, Math.min(b2.length, h.length));
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.log(h[i]) - (Math.log(b[i]) + Math.log(b2[i])) / 2;
        }
        return estimate(RankStats.paired(d, confidence), PAIRED_BOTH);
    }

    /** head/base from two separate runs: every sample of one against every sample of the other. */
    public RatioEstimate unpaired(List<Long> base, List<Long> head) {
        return estimate(RankStats.unpaired(logs(base), logs(head), confidence), UNPAIRED);
    }

    /**
     * {@code slower}/{@code faster} only when the rank test rejects "no change" at alpha and the whole
     * interval lies beyond the threshold; never when the A/A pass (if any) reaches beyond the threshold.
     */
    public ComparisonVerdict verdict(RatioEstimate time, RatioEstimate noise) {
        if (noise != null && !(noise.spread() <= threshold)) {
            return ComparisonVerdict.TOO_NOISY;
        }
        if (time.pValue() < alpha && time.low() > 1 + threshold) {
            return ComparisonVerdict.SLOWER;
        }
        if (time.pValue() < alpha && time.high() < 1 - threshold) {
            return ComparisonVerdict.FASTER;
        }
        return ComparisonVerdict.UNCHANGED;
    }

    /** The median of each round's {@code callsPerRound} consecutive calls (a last short round too). */
    static double[] roundValues(List<Long> calls, int callsPerRound) {
        int per = Math.max(1, callsPerRound);
        int rounds = (calls.size() + per - 1) / per;
        double[] out = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double[] v = calls.subList(r * per, Math.min(calls.size(), (r + 1) * per)).stream()
                    .mapToDouble(Long::doubleValue).sorted().toArray();
            out[r] = RankStats.median(v);
        }
        return out;
    }

    private static double[] logs(List<Long> v) {
        return v.stream().mapToDouble(x -> Math.log(Math.max(1, x))).toArray();
    }

    private static RatioEstimate estimate(RankStats.Shift s, String method) {
        return new RatioEstimate(Math.exp(s.estimate()), Math.exp(s.low()), Math.exp(s.high()), s.pValue(), method,
                s.n());
    }
}
