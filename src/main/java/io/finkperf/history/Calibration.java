package io.finkperf.history;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fixed calibration workload's time on the machine of a run ({@code fink-perf-calibration/1},
 * from {@code python3 -m fink_perf_driver calibrate}).
 *
 * @param seconds geometric mean of the fastest repeat of the pure-Python part and of the numpy part
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Calibration(double seconds, double pythonS, double numpyS, int repeats, String python, String numpy,
                          String executable) {

    /**
     * The workload's CPU time on the reference machine (this project's 2-core AMD EPYC build box, Debian's
     * Python 3.11 and numpy 1.24):
     * calibrated throughput is what a module would reach on a machine where the workload takes
     * this long. Never change it, or stored calibrated values stop being comparable.
     */
    public static final double REFERENCE_SECONDS = 0.015;

    /** Multiplies a raw rate into a rate at the reference machine's speed. */
    public double factor() {
        return seconds / REFERENCE_SECONDS;
    }
}
