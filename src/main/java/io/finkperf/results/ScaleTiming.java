package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Who timed a scale run's module calls, and what the trusted side saw ({@code scale.modules[].timing}).
 * Every call (cold, warm, batch sizes, probes, lengths) is requested by fink-perf (the JVM), one request
 * per call: the published figures are the driver's where a measurement agrees with its round trips and
 * with the CPU time the supervisor read in /proc, else the JVM's.
 *
 * @param timedBy      {@link ObservedTiming#JVM_ROUND_TRIP}
 * @param ipcNs        what a round trip costs with nothing inside (90th percentile of the first pings), ns
 * @param pingNs       the empty requests sent before the first call
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

    /** Measurements whose published wall or CPU figures are the JVM's, not the driver's. */
    public long fromJvm() {
        return measurements.stream().filter(m -> ScaleMeasurementTiming.JVM.equals(m.wallFrom())
                || ScaleMeasurementTiming.JVM.equals(m.cpuFrom())).count();
    }
}
