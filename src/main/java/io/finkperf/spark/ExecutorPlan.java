package io.finkperf.spark;

/**
 * How many executors, cores and partitions a run uses. Fink's perf script derives its core count as
 * {@code n_cpu = total_memory / gb_per_executor} and divides the rate by it; here that count is
 * {@link #plannedCores} and the rate is divided by {@link #coresUsed}, the task slots that can
 * actually run a partition at the same time (the script's count overstates them when the cluster
 * grants fewer, which understates its per-core rate).
 *
 * @param executors     from the memory formula, 0 when no total memory is given
 * @param plannedCores  executors × cores per executor, or the slots of the master
 * @param partitions    one per planned core: one wave of tasks, as the script's repartition(n_cpu)
 * @param coresUsed     min(partitions, slots the master really offers)
 */
public record ExecutorPlan(int executors, int plannedCores, int partitions, int coresUsed) {

    public static ExecutorPlan of(double totalMemoryGb, double gbPerExecutor, int coresPerExecutor, int slotsAvailable) {
        if (gbPerExecutor <= 0 || coresPerExecutor < 1) {
            throw new IllegalArgumentException("need gb-per-executor > 0 and core-per-executor >= 1");
        }
        int executors = totalMemoryGb > 0 ? (int) Math.floor(totalMemoryGb / gbPerExecutor + 1e-9) : 0;
        if (totalMemoryGb > 0 && executors < 1) {
            throw new IllegalArgumentException("total memory " + totalMemoryGb + " GB is less than one executor of "
                    + gbPerExecutor + " GB");
        }
        int planned = executors > 0 ? executors * coresPerExecutor : Math.max(1, slotsAvailable);
        return new ExecutorPlan(executors, planned, planned, Math.max(1, Math.min(planned, slotsAvailable)));
    }
}
