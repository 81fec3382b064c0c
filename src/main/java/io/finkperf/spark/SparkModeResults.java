package io.finkperf.spark;

import io.finkperf.results.ModuleResult;
import io.finkperf.results.SparkModeResult;
import io.finkperf.results.SparkTimingCheck;
import java.util.List;

/** Builds a module's {@link SparkModeResult} from its loops, their decomposition and direct mode's result. */
final class SparkModeResults {

    static final String SAMPLES_ARE = "wall ns x coresUsed per loop";
    static final String EQUIVALENCE = "sha256 of the canonical output stream (output_hash.py), partitions concatenated in order";

    private SparkModeResults() {
    }

    static SparkModeResult of(SparkBenchRequest req, ExecutorPlan plan, ModuleResult direct,
                              List<LoopMeasurement> loops, OverheadDecomposition.Result dec, SparkTimingCheck check) {
        long n = loops.get(0).nRows();
        double wall = dec.total();
        double sparkRate = n / wall / plan.coresUsed();
        double directCompute = direct.timeStats().mean();
        double directRate = direct.throughputStats().mean();
        double sparkComputeCore = dec.part(OverheadDecomposition.COMPUTE) * plan.coresUsed();
        String hash = loops.get(0).outputHash();
        boolean sameEveryLoop = loops.stream().allMatch(l -> l.outputHash().equals(hash));
        return new SparkModeResult(req.master(), req.reuseWorkers(), plan.executors(), req.coresPerExecutor(),
                req.gbPerExecutor(), req.totalMemoryGb(), plan.plannedCores(), plan.coresUsed(), plan.partitions(),
                SAMPLES_ARE, wall, sparkRate, n / wall / plan.plannedCores(), directRate, directRate / sparkRate,
                sparkComputeCore, directCompute,
                // A fresh worker's first call pays lazy initialisation (catalogues, models) that direct mode's warm-up hides.
                direct.warmupNs().stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e9,
                directCompute > 0 ? sparkComputeCore / directCompute : null,
                hash, direct.outputHash(), sameEveryLoop && hash.equals(direct.outputHash()), EQUIVALENCE,
                new SparkModeResult.Decomposition(wall, dec.parts(), dec.detail(), dec.explained(),
                        dec.unexplainedFraction(), dec.unexplainedFraction() <= SparkBench.TOLERANCE),
                loops.stream().map(SparkModeResults::loop).toList(), check);
    }

    private static SparkModeResult.Loop loop(LoopMeasurement l) {
        return new SparkModeResult.Loop(l.totalNs(), l.job().startMs(), l.job().endMs(),
                l.job().tasks().stream().map(SparkModeResults::task).toList(),
                l.partitions().stream().map(SparkModeResults::partition).toList());
    }

    private static SparkModeResult.Task task(TaskTiming t) {
        return new SparkModeResult.Task(t.partition(), t.executorId(), t.host(), t.launchMs(), t.finishMs(),
                t.deserializeMs(), t.runMs(), t.resultSerializationMs(), t.gettingResultMs());
    }

    private static SparkModeResult.Partition partition(PartitionOutcome p) {
        return new SparkModeResult.Partition(p.partition(), p.nRows(), p.taskNs(), p.batchWriteNs(), p.startImportNs(),
                p.mainEpoch() - p.launchEpoch(), p.libsEpoch() - p.mainEpoch(), p.importDoneEpoch() - p.libsEpoch(),
                p.readNs(), p.computeNs(), p.serializeNs(), p.exitNs(), p.readBackNs(), p.cleanupNs(), p.reusedWorker());
    }
}
