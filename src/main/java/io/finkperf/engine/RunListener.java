package io.finkperf.engine;

import io.finkperf.results.Readiness;
import io.finkperf.results.RunResults;

/** Told as a run goes, so what was measured is on disk before the next module starts. */
public interface RunListener {

    /** Once, before any module runs: what every module of the plan misses (packages, files, network). */
    default void readiness(Readiness readiness) {
    }

    /**
     * After every module, direct or Spark: the results so far. During a Spark pass these are the
     * Spark results so far followed by the direct results of the modules it has not reached yet,
     * so nothing measured is ever missing.
     */
    void resultsSoFar(RunResults soFar);

    /** The direct pass ended; when a Spark pass follows, its results will replace these. */
    default void directPassFinished(RunResults direct) {
    }

    RunListener NONE = soFar -> { };
}
