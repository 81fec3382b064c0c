package io.finkperf.results;

/**
 * How a comparison was measured and judged.
 *
 * @param callsPerRound at least this many calls per side and round
 * @param minRoundNs    and enough calls that a side's round lasts this long
 * @param retriesWhenNoisy how many times a module too noisy to judge was allowed a fresh attempt
 * @param threshold     relative change below which a difference is not reported (0.05 = 5 %)
 * @param alpha         significance level of the rank test (0.01)
 * @param confidence    level of the ratio's interval (0.95)
 * @param rtol          relative tolerance of the float output comparison
 * @param metric        what the verdict judges: "cpu" (the calling thread's CPU time) or "wall"
 */
public record ComparisonSettings(
        int rounds,
        int callsPerRound,
        long minRoundNs,
        int warmup,
        int retriesWhenNoisy,
        double threshold,
        double alpha,
        double confidence,
        double rtol,
        long nAlerts,
        String survey,
        String data,
        String runner,
        String metric) {
}
