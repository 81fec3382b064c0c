package io.finkperf.engine;

import io.finkperf.results.ModuleResult;
import io.finkperf.results.RunResults;

/** Told after each module, so results on disk are never more than one module behind. */
interface ResultSink {

    void moduleFinished(RunResults resultsSoFar, ModuleResult module);
}
