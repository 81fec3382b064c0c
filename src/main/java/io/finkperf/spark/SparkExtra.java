package io.finkperf.spark;

import io.finkperf.spark.LoopMeasurement;
import io.finkperf.spark.PartitionOutcome;
import io.finkperf.spark.TaskTiming;
import io.finkperf.results.ModuleResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code extra.spark} map of a module result: raw loops, decomposition, comparison with direct mode. */
final class SparkExtra {

    private SparkExtra() {
    }

    static Map<String, Object> of(SparkBenchRequest req, ExecutorPlan plan, ModuleResult direct,
                                  List<LoopMeasurement> loops, OverheadDecomposition.Result dec) {
        long n = loops.get(0).nRows();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("master", req.master());
        s.put("pythonWorkerReuse", req.reuseWorkers());
        s.put("executors", plan.executors());
        s.put("coresPerExecutor", req.coresPerExecutor());
        s.put("gbPerExecutor", req.gbPerExecutor());
        s.put("totalMemoryGb", req.totalMemoryGb());
        s.put("plannedCores", plan.plannedCores());
        s.put("coresUsed", plan.coresUsed());
        s.put("partitions", plan.partitions());
        s.put("samplesAre", "wall ns x coresUsed per loop");
        double wall = dec.total();
        double sparkRate = n / wall / plan.coresUsed();
        double directCompute = direct.timeStats().mean();
        double directRate = direct.throughputStats().mean();
        s.put("wallSecondsMean", wall);
        s.put("throughputPerCore", sparkRate);
        s.put("throughputPerPlannedCore", n / wall / plan.plannedCores());
        s.put("directThroughputPerCore", directRate);
        s.put("directOverSparkRatio", directRate / sparkRate);
        double sparkComputeCore = dec.part(OverheadDecomposition.COMPUTE) * plan.coresUsed();
        s.put("computeCoreSecondsSpark", sparkComputeCore);
        s.put("computeSecondsDirect", directCompute);
        // A fresh worker's first call pays lazy initialisation (catalogues, models) that direct mode's warm-up hides.
        s.put("directWarmupSeconds", direct.warmupNs().stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e9);
        s.put("computeSparkOverDirect", directCompute > 0 ? sparkComputeCore / directCompute : null);
        s.put("outputHash", loops.get(0).outputHash());
        s.put("directOutputHash", direct.outputHash());
        boolean sameEveryLoop = loops.stream().allMatch(l -> l.outputHash().equals(loops.get(0).outputHash()));
        s.put("equivalent", sameEveryLoop && loops.get(0).outputHash().equals(direct.outputHash()));
        s.put("equivalence", "sha256 of the canonical output stream (output_hash.py), partitions concatenated in order");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("totalSeconds", wall);
        d.put("parts", dec.parts());
        d.put("detail", dec.detail());
        d.put("explainedSeconds", dec.explained());
        d.put("unexplainedFraction", dec.unexplainedFraction());
        d.put("withinTolerance", dec.unexplainedFraction() <= SparkBench.TOLERANCE);
        s.put("decomposition", d);
        List<Map<String, Object>> raw = new ArrayList<>();
        for (LoopMeasurement l : loops) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("wallNs", l.totalNs());
            m.put("jobStartMs", l.job().startMs());
            m.put("jobEndMs", l.job().endMs());
            m.put("tasks", l.job().tasks().stream().map(SparkExtra::task).toList());
            m.put("partitions", l.partitions().stream().map(SparkExtra::partition).toList());
            raw.add(m);
        }
        s.put("loops", raw);
        return s;
    }

    private static Map<String, Object> task(TaskTiming t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("partition", t.partition());
        m.put("executorId", t.executorId());
        m.put("host", t.host());
        m.put("launchMs", t.launchMs());
        m.put("finishMs", t.finishMs());
        m.put("executorDeserializeMs", t.deserializeMs());
        m.put("executorRunMs", t.runMs());
        m.put("resultSerializationMs", t.resultSerializationMs());
        m.put("gettingResultMs", t.gettingResultMs());
        return m;
    }

    private static Map<String, Object> partition(PartitionOutcome p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("partition", p.partition());
        m.put("nRows", p.nRows());
        m.put("taskNs", p.taskNs());
        m.put("batchWriteNs", p.batchWriteNs());
        m.put("startImportNs", p.startImportNs());
        m.put("interpreterStartNs", p.mainEpoch() - p.launchEpoch());
        m.put("libsImportNs", p.libsEpoch() - p.mainEpoch());
        m.put("moduleImportNs", p.importDoneEpoch() - p.libsEpoch());
        m.put("readNs", p.readNs());
        m.put("computeNs", p.computeNs());
        m.put("serializeNs", p.serializeNs());
        m.put("exitNs", p.exitNs());
        m.put("readBackNs", p.readBackNs());
        m.put("cleanupNs", p.cleanupNs());
        m.put("reusedWorker", p.reusedWorker());
        return m;
    }
}
