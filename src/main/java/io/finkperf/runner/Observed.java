package io.finkperf.runner;

import io.finkperf.results.ObservedTiming;
import java.util.List;

/**
 * What the trusted side measured of a run that passed its checks, preferred over the driver's own
 * figures: the samples to publish (the driver's where each loop agreed with its round trips, else the
 * JVM's), the paced loops' round trips, the CPU time of the measured calls as the supervisor read it
 * in /proc (NaN when not readable: the driver's figures stand), and the peak RSS from the
 * supervisor's wait4 (0 when not reported). {@code scale}: a scale run's published calls (null for loops).
 */
public record Observed(List<Long> samplesNs, ObservedTiming timing, double cpuUserS, double cpuSysS, long peakRssBytes,
                       ObservedScale scale) {

    public Observed {
        samplesNs = List.copyOf(samplesNs);
    }

    /** A run of measured loops. */
    public Observed(List<Long> samplesNs, ObservedTiming timing, double cpuUserS, double cpuSysS, long peakRssBytes) {
        this(samplesNs, timing, cpuUserS, cpuSysS, peakRssBytes, null);
    }

    /** A scale run: its calls as published, its peak RSS from wait4. */
    public static Observed ofScale(ObservedScale scale, long peakRssBytes) {
        return new Observed(List.of(), null, Double.NaN, Double.NaN, peakRssBytes, scale);
    }

    public boolean cpuVisible() {
        return !Double.isNaN(cpuUserS) && !Double.isNaN(cpuSysS);
    }
}
