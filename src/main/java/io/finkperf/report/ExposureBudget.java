package io.finkperf.report;

import java.util.List;

/**
 * The throughput a module needs to keep up with ZTF: an exposure brings about 600 alerts, so
 * digesting it in 1 s on 8 cores needs 75 alerts/s/core, in 2 s 37.5.
 */
public record ExposureBudget(double alertsPerSecondPerCore, String label, String shortLabel) {

    public static final ExposureBudget ONE_SECOND =
            new ExposureBudget(75.0, "1 s per ZTF exposure on 8 cores", "1 s/exposure");
    public static final ExposureBudget TWO_SECONDS =
            new ExposureBudget(37.5, "2 s per exposure on 8 cores", "2 s/exposure");

    public static final List<ExposureBudget> ALL = List.of(ONE_SECOND, TWO_SECONDS);

    public boolean met(double rate) {
        return rate >= alertsPerSecondPerCore;
    }
}
