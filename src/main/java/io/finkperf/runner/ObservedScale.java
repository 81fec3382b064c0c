package io.finkperf.runner;

import io.finkperf.results.ScaleTiming;
import io.finkperf.runner.control.ScaleRoundTrips.Measurement;
import java.util.List;

/**
 * What the trusted side publishes of a scale run that passed its checks: every measurement's calls
 * ({@link ScaleCalls#inCallOrder} order), the driver's figures or the JVM's, and how they were timed.
 */
public record ObservedScale(List<Measurement> measurements, ScaleTiming timing) {

    public ObservedScale {
        measurements = List.copyOf(measurements);
    }
}
