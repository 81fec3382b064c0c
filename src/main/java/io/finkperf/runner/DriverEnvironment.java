package io.finkperf.runner;

import java.util.List;

/**
 * Environment variables fink-perf sets for the Python processes it starts, whichever runner or
 * Spark mode starts them.
 */
public final class DriverEnvironment {

    /** "1" inside every container fink-perf starts: the container runner's and Spark mode's workers. */
    public static final String IN_CONTAINER = "FINK_PERF_IN_CONTAINER";

    /** Native thread pools pinned to one thread: one Python process is one core, as alerts/s/core assumes. */
    public static final List<String> THREAD_VARS = List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS");

    private DriverEnvironment() {
    }
}
