package io.finkperf.report;

import io.finkperf.results.ModuleResult;
import io.finkperf.results.RunResults;
import java.util.List;

/** The modules of a run that have a Spark-mode measurement ({@code extra.spark}, see docs/spark.md). */
final class SparkExtras {

    private SparkExtras() {
    }

    static List<ModuleResult> modules(RunResults r) {
        return r.modules().stream().filter(m -> m.extra().sparkResult() != null).toList();
    }
}
