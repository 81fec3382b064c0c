package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Who timed a module's measured loops, and what the trusted side saw (results.json
 * {@code extra.timing}). The direct pass's loops are paced by fink-perf (the JVM), one request per
 * module call: the samples are the driver's own figures, kept only because they agreed with these
 * round trips.
 *
 * @param timedBy      {@link #JVM_ROUND_TRIP}, or {@link #DRIVER} (checked against the supervisor only)
 * @param ipcNs        what a round trip costs with nothing inside (90th percentile of the pings), ns
 * @param pingNs       every empty request's round trip (the first ones before any call, then one before each call)
 * @param roundTripNs  per measured loop: the sum of its calls' round trips, by the JVM's clock
 * @param cpuNs        per measured loop: the driver's main-thread CPU time during those calls, read in
 *                     /proc by the supervisor (null when not readable)
 * @param samplesFrom  per measured loop: {@code driver} (its own figure agreed with the round trips) or
 *                     {@code jvm} (it did not: the sample is the round trips less one median ping per call)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ObservedTiming(String timedBy, long ipcNs, List<Long> pingNs, List<Long> roundTripNs, List<Long> cpuNs,
                             List<String> samplesFrom) {

    public static final String JVM_ROUND_TRIP = "jvm-round-trip";
    public static final String DRIVER = "driver";

    public ObservedTiming {
        pingNs = pingNs == null ? List.of() : List.copyOf(pingNs);
        roundTripNs = roundTripNs == null ? List.of() : List.copyOf(roundTripNs);
        cpuNs = cpuNs == null ? null : List.copyOf(cpuNs);
        samplesFrom = samplesFrom == null ? List.of() : List.copyOf(samplesFrom);
    }
}
