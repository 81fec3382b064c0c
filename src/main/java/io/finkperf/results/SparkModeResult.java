package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code extra.spark} of a module measured in Spark mode (docs/spark.md): the executor plan, the
 * comparison with direct mode, the decomposition of the wall time and the raw loops. Computed by
 * {@code spark.SparkBench}; the module's {@code samplesNs} are the loops' wall ns × {@code coresUsed}.
 *
 * @param computeSparkOverDirect null when direct mode measured no compute time
 * @param equivalent             every loop's output hash equals direct mode's
 * @param timingCheck            the workers' reported timings against the executors' observations
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SparkModeResult(
        String master,
        boolean pythonWorkerReuse,
        int executors,
        int coresPerExecutor,
        double gbPerExecutor,
        double totalMemoryGb,
        int plannedCores,
        int coresUsed,
        int partitions,
        String samplesAre,
        double wallSecondsMean,
        double throughputPerCore,
        double throughputPerPlannedCore,
        double directThroughputPerCore,
        double directOverSparkRatio,
        double computeCoreSecondsSpark,
        double computeSecondsDirect,
        double directWarmupSeconds,
        Double computeSparkOverDirect,
        String outputHash,
        String directOutputHash,
        boolean equivalent,
        String equivalence,
        Decomposition decomposition,
        List<Loop> loops,
        SparkTimingCheck timingCheck) implements SparkSection {

    /** The part of the decomposition that direct mode also measures. */
    public static final String COMPUTE_PART = "Module compute";

    public SparkModeResult {
        loops = loops == null ? List.of() : List.copyOf(loops);
    }

    /**
     * Mean wall time per loop split into parts, in seconds.
     *
     * @param parts   part → seconds, in the decomposition's order; "Unexplained" makes them sum to the total
     * @param detail  "part / item" → seconds
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decomposition(double totalSeconds, Map<String, Double> parts, Map<String, Double> detail,
                                double explainedSeconds, double unexplainedFraction, boolean withinTolerance) {

        public Decomposition {
            parts = ordered(parts);
            detail = ordered(detail);
        }

        public double part(String name) {
            return parts.getOrDefault(name, 0.0);
        }
    }

    /** One measured loop (one Spark job) as measured: driver wall time, the scheduler's tasks, the partitions' own timers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Loop(long wallNs, long jobStartMs, long jobEndMs, List<Task> tasks, List<Partition> partitions) {

        public Loop {
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
            partitions = partitions == null ? List.of() : List.copyOf(partitions);
        }
    }

    /** One task as the SparkListener saw it, in ms; {@code executorId} "driver" in local mode. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Task(int partition, String executorId, String host, long launchMs, long finishMs,
                       long executorDeserializeMs, long executorRunMs, long resultSerializationMs, long gettingResultMs) {
    }

    /** What one partition's task and Python worker measured, in ns. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Partition(int partition, long nRows, long taskNs, long batchWriteNs, long startImportNs,
                            long interpreterStartNs, long libsImportNs, long moduleImportNs, long readNs,
                            long computeNs, long serializeNs, long exitNs, long readBackNs, long cleanupNs,
                            boolean reusedWorker) {
    }

    private static Map<String, Double> ordered(Map<String, Double> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
