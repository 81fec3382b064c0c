package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Who timed a scale run's module calls, and what the trusted side saw ({@code scale.modules[].timing}).
 * Every call (cold, warm, batch sizes, probes, lengths) is requested by fink-perf (the JVM), one request
 * per call: the published figures are the driver's where a call agrees with its round trip and with the
 * CPU time the supervisor read in /proc, else the JVM's.
 *
 * @param timedBy      {@link ObservedTiming#JVM_ROUND_TRIP}
 * @param ipcNs        what a round trip costs with nothing inside (90th percentile of the pings, within 20 µs–5 ms)
 * @param pingNs       every empty request's round trip (the first ones before any call, then one before each call)
 * @param cpuVisible   the supervisor could read the driver's CPU time in /proc (else the driver's CPU figures stand, unchecked)
 * @param measurements one per measurement, in call order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScaleTiming(String timedBy, long ipcNs, List<Long> pingNs, boolean cpuVisible,
                          List<ScaleMeasurementTiming> measurements) {

    public ScaleTiming {
        pingNs = pingNs == null ? List.of() : List.copyOf(pingNs);
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
    }

    /** Calls whose published wall or CPU figure is the JVM's, not the driver's (counted once per figure). */
    public int fromJvm() {
        return measurements.stream().mapToInt(m -> m.wallFromJvm() + m.cpuFromJvm()).sum();
    }

    /** Calls timed, all measurements together. */
    public int calls() {
        return measurements.stream().mapToInt(m -> m.roundTripNs().size()).sum();
    }
}
