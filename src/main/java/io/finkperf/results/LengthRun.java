package io.finkperf.results;

/**
 * Calls of {@code alertsPerCall} alerts whose light curves have a given length: either the data's
 * own alerts of a length bin ({@code lo..hi} points, {@code meanLength}), or alerts cut or extended to
 * exactly {@code length} points.
 */
public record LengthRun(Integer length, Integer lo, Integer hi, Long dataAlerts, Double meanLength, int alertsPerCall,
                        TimedCalls calls) {

    /** Points per light curve this run stands for. */
    public double points() {
        return length != null ? length : meanLength;
    }

    /** CPU ns per alert once the fixed cost per call {@code aNs} is taken off (never below 0). */
    public double perAlertNs(double aNs) {
        return Math.max(0, calls.meanCpuNs() - Math.max(0, aNs)) / alertsPerCall;
    }
}
