package io.finkperf.spark;

import io.finkperf.results.SparkModeResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Splits the wall time of Spark loops into where it went. Task-side times are core time; dividing
 * by the cores used gives their share of the wall time, so that
 * {@code wall = pre-job + (Σ task durations + idle core time) / cores + post-job}, and every task
 * duration is split by the listener's metrics and the task's own timers. What the timers do not
 * cover (inside the executor's run time, plus millisecond rounding) is the unexplained remainder.
 *
 * <p>Parts, in seconds of wall time per loop (mean over loops):
 * <ul>
 * <li>scheduling: action start → job start, idle cores during the job (job wall × cores − Σ task
 *     durations: launch latency, stragglers), scheduler delay and task deserialisation;</li>
 * <li>serialisation: Spark rows → batch files, Python batch read, output encoding, read back, cleanup;</li>
 * <li>python start: process start → module imported, Python's other own time, exit;</li>
 * <li>compute: the module calls;</li>
 * <li>collection: result serialisation, result fetching, job end → results on the driver, hashing.</li>
 * </ul>
 */
public final class OverheadDecomposition {

    public static final String SCHEDULING = "Spark scheduling & partitioning";
    public static final String SERIALISATION = "Serialisation to/from Python";
    public static final String PYTHON_START = "Python process start, import & exit";
    public static final String COMPUTE = SparkModeResult.COMPUTE_PART;
    public static final String COLLECTION = "Collection of results";
    public static final String UNEXPLAINED = "Unexplained";
    public static final List<String> PARTS = List.of(SCHEDULING, SERIALISATION, PYTHON_START, COMPUTE, COLLECTION, UNEXPLAINED);

    private static final double MS = 1e-3;
    private static final double NS = 1e-9;

    private OverheadDecomposition() {
    }

    /**
     * @param total  mean measured wall time per loop, seconds
     * @param parts  {@link #PARTS} → seconds (unexplained included: the parts sum to {@code total})
     * @param detail finer items → seconds, for the table
     */
    public record Result(double total, Map<String, Double> parts, Map<String, Double> detail) {

        public double part(String name) {
            return parts.getOrDefault(name, 0.0);
        }

        /** |unexplained| / total: how much of the wall time the measured parts do not account for. */
        public double unexplainedFraction() {
            return total <= 0 ? 0 : Math.abs(part(UNEXPLAINED)) / total;
        }

        /** Sum of the measured parts (unexplained excluded). */
        public double explained() {
            return parts.entrySet().stream().filter(e -> !e.getKey().equals(UNEXPLAINED)).mapToDouble(Map.Entry::getValue).sum();
        }
    }

    public static Result of(List<LoopMeasurement> loops, int cores) {
        if (loops.isEmpty()) {
            throw new IllegalArgumentException("no loops to decompose");
        }
        Map<String, Double> detail = new LinkedHashMap<>();
        double total = 0;
        for (LoopMeasurement l : loops) {
            total += l.totalNs() * NS;
            one(l, cores).forEach((k, v) -> detail.merge(k, v, Double::sum));
        }
        int n = loops.size();
        total /= n;
        detail.replaceAll((k, v) -> v / n);
        Map<String, Double> parts = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : detail.entrySet()) {
            parts.merge(e.getKey().substring(0, e.getKey().indexOf(" / ")), e.getValue(), Double::sum);
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        double explained = 0;
        for (String p : PARTS.subList(0, PARTS.size() - 1)) {
            double v = parts.getOrDefault(p, 0.0);
            ordered.put(p, v);
            explained += v;
        }
        ordered.put(UNEXPLAINED, total - explained);
        return new Result(total, ordered, detail);
    }

    /** Detail items of one loop, named "PART / item", in seconds of wall time. */
    static Map<String, Double> one(LoopMeasurement l, int cores) {
        JobTiming job = l.job();
        double c = Math.max(1, cores);
        ToDoubleFunction<ToDoubleFunction<TaskTiming>> tasksMs = f -> job.tasks().stream().mapToDouble(f).sum() * MS;
        ToDoubleFunction<ToLongFunction<PartitionOutcome>> partsNs =
                f -> l.partitions().stream().mapToLong(f).sum() * NS;
        double sumTask = tasksMs.applyAsDouble(TaskTiming::durationMs);
        double run = tasksMs.applyAsDouble(TaskTiming::runMs);
        double taskFunction = partsNs.applyAsDouble(PartitionOutcome::taskNs);
        double startMs = l.startEpoch() / 1e6;
        double collectedMs = l.collectedEpoch() / 1e6;
        double preJob = Math.max(0, job.startMs() - startMs) * MS;
        double postJob = Math.max(0, collectedMs - job.endMs()) * MS;
        double idle = Math.max(0, job.wallMs() * MS * c - sumTask);
        Map<String, Double> d = new LinkedHashMap<>();
        d.put(SCHEDULING + " / action → job start (driver)", preJob);
        d.put(SCHEDULING + " / idle cores during the job", idle / c);
        d.put(SCHEDULING + " / scheduler delay", tasksMs.applyAsDouble(TaskTiming::schedulerDelayMs) / c);
        d.put(SCHEDULING + " / task deserialisation", tasksMs.applyAsDouble(TaskTiming::deserializeMs) / c);
        d.put(SCHEDULING + " / task run outside the task function", Math.max(0, run - taskFunction) / c);
        d.put(SERIALISATION + " / Spark rows → batch files", partsNs.applyAsDouble(PartitionOutcome::batchWriteNs) / c);
        d.put(SERIALISATION + " / Python batch read", partsNs.applyAsDouble(PartitionOutcome::readNs) / c);
        d.put(SERIALISATION + " / Python output encoding", partsNs.applyAsDouble(PartitionOutcome::serializeNs) / c);
        d.put(SERIALISATION + " / output read back + cleanup", partsNs.applyAsDouble(p -> p.readBackNs() + p.cleanupNs()) / c);
        d.put(PYTHON_START + " / process start → module imported", partsNs.applyAsDouble(PartitionOutcome::startImportNs) / c);
        d.put(PYTHON_START + " / Python other", partsNs.applyAsDouble(PartitionOutcome::pythonOtherNs) / c);
        d.put(PYTHON_START + " / result write + exit", partsNs.applyAsDouble(PartitionOutcome::exitNs) / c);
        d.put(COMPUTE + " / module calls", partsNs.applyAsDouble(PartitionOutcome::computeNs) / c);
        d.put(COLLECTION + " / task result serialisation", tasksMs.applyAsDouble(TaskTiming::resultSerializationMs) / c);
        d.put(COLLECTION + " / getting results", tasksMs.applyAsDouble(TaskTiming::gettingResultMs) / c);
        d.put(COLLECTION + " / job end → results on driver", postJob);
        d.put(COLLECTION + " / hash in partition order", (l.doneEpoch() - l.collectedEpoch()) * NS);
        return d;
    }
}
