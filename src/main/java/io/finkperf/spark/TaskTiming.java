package io.finkperf.spark;

/**
 * One task as the scheduler saw it (SparkListener, milliseconds): wall-clock launch and finish,
 * and the executor's own metrics.
 *
 * @param gettingResultMs time the driver spent fetching an indirect result (0 for small results)
 * @param executorId      where the task ran: "driver" in local mode, the executor's id on a cluster
 */
public record TaskTiming(int partition, long launchMs, long finishMs, long deserializeMs, long runMs,
                         long resultSerializationMs, long gettingResultMs, String executorId, String host) {

    public long durationMs() {
        return finishMs - launchMs;
    }

    /** What the UI calls scheduler delay: sending the task and its status, not accounted by the executor. */
    public long schedulerDelayMs() {
        return Math.max(0, durationMs() - deserializeMs - runMs - resultSerializationMs - gettingResultMs);
    }
}
