package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code extra.spark.timingCheck}: how the Python workers' self-reported phase timings compared with
 * what the executor JVMs observed of each task (docs/security.md, Spark mode). The margins are the
 * worst task's value over what it was allowed: above 1 a task disagrees.
 *
 * @param tasks                    tasks checked (every partition of every measured loop)
 * @param tasksWithCpu             tasks whose worker's CPU time the executor read from /proc
 * @param tasksDisagreeing         tasks whose report does not fit what was observed
 * @param observedOverReportedMedian the executor's round trip of the worker call over the worker's
 *                                 reported read + compute + serialise, median over tasks
 * @param observedOverReportedMin  the same, smallest over tasks (below 1: more reported than observed)
 * @param unaccountedOverAllowedMax time inside the worker's own window that none of its parts covers,
 *                                 over the allowance
 * @param cpuOverAllowedMax        worker CPU time beyond its reported window, over the allowance; NaN
 *                                 when no worker's CPU time was visible
 * @param firstDisagreement        why the first disagreeing task does not fit, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SparkTimingCheck(int tasks, int tasksWithCpu, int tasksDisagreeing, double observedOverReportedMedian,
                               double observedOverReportedMin, double unaccountedOverAllowedMax,
                               double cpuOverAllowedMax, String firstDisagreement) {
}
