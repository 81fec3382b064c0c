package io.finkperf.results;

import java.util.List;

/**
 * One measurement of a scale run as fink-perf observed it, call by call.
 *
 * @param name        {@code cold}, {@code warm}, {@code N=10}, {@code bin 3-5}, {@code length 20}, or a probe
 *                    series ({@code … probes}: the calls that chose the alerts per call)
 * @param roundTripNs each call's round trip, by the JVM's clock
 * @param cpuNs       each call's CPU time (the driver's main thread, from the ping before it to its answer), read in
 *                    /proc by the supervisor; -1 where not readable
 * @param wallFromJvm calls whose published wall figure is the JVM's (the round trip less the median ping): their
 *                    own figure disagreed with their round trip; the others are the driver's
 * @param cpuFromJvm  calls whose published CPU figure is the supervisor's reading, the same way
 */
public record ScaleMeasurementTiming(String name, List<Long> roundTripNs, List<Long> cpuNs, int wallFromJvm,
                                     int cpuFromJvm) {

    public ScaleMeasurementTiming {
        roundTripNs = roundTripNs == null ? List.of() : List.copyOf(roundTripNs);
        cpuNs = cpuNs == null ? List.of() : List.copyOf(cpuNs);
    }
}
