package io.finkperf.bench;

/**
 * The data path's time as a line: {@code t(n) = fixed + n / rate}, through two measured sizes.
 *
 * @param fixedSeconds    what a batch costs whatever its size (query planning, the source read)
 * @param alertsPerSecond the marginal rate: alerts written per second beyond the fixed part
 */
public record DataPathCost(double fixedSeconds, double alertsPerSecond) {

    public static DataPathCost fit(long n1, double seconds1, long n2, double seconds2) {
        if (n2 <= n1) {
            throw new IllegalArgumentException("need n2 > n1, got " + n1 + " and " + n2);
        }
        double secondsPerAlert = (seconds2 - seconds1) / (n2 - n1);
        if (!(secondsPerAlert > 0)) {
            // the bigger batch was not slower: noise swamped the per-alert cost
            return new DataPathCost(Math.min(seconds1, seconds2), Double.POSITIVE_INFINITY);
        }
        return new DataPathCost(Math.max(0, seconds1 - n1 * secondsPerAlert), 1 / secondsPerAlert);
    }
}
