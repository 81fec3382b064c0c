package io.finkperf.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.scheduler.TaskInfo;

/**
 * Collects job and task timings by job group. Listener events arrive asynchronously, after the
 * action has returned: {@link #await} waits for the job end and every task end.
 */
final class TaskMetricsListener extends SparkListener {

    private static final String GROUP = "spark.jobGroup.id";

    private final Map<Integer, String> stageGroup = new HashMap<>();
    private final Map<Integer, String> jobGroup = new HashMap<>();
    private final Map<String, long[]> jobTimes = new HashMap<>();   // group -> {start, end, expectedTasks}
    private final Map<String, List<TaskTiming>> tasks = new HashMap<>();

    @Override
    public synchronized void onJobStart(SparkListenerJobStart e) {
        String group = e.properties() == null ? null : e.properties().getProperty(GROUP);
        if (group == null) {
            return;
        }
        jobGroup.put(e.jobId(), group);
        long expected = 0;
        for (StageInfo s : scala.jdk.javaapi.CollectionConverters.asJava(e.stageInfos())) {
            stageGroup.put(s.stageId(), group);
            expected += s.numTasks();
        }
        jobTimes.put(group, new long[] {e.time(), -1, expected});
        tasks.putIfAbsent(group, new ArrayList<>());
    }

    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd e) {
        String group = jobGroup.get(e.jobId());
        if (group != null) {
            jobTimes.get(group)[1] = e.time();
        }
        notifyAll();
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
        String group = stageGroup.get(e.stageId());
        if (group == null) {
            return;
        }
        TaskInfo i = e.taskInfo();
        TaskMetrics m = e.taskMetrics();
        long getting = i.gettingResultTime() > 0 ? i.finishTime() - i.gettingResultTime() : 0;
        tasks.get(group).add(new TaskTiming(i.index(), i.launchTime(), i.finishTime(),
                m == null ? 0 : m.executorDeserializeTime(), m == null ? 0 : m.executorRunTime(),
                m == null ? 0 : m.resultSerializationTime(), getting, i.executorId(), i.host()));
        notifyAll();
    }

    /** The job of {@code group} once its end and all its task ends have arrived (or the timeout passed). */
    synchronized JobTiming await(String group, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            long[] t = jobTimes.get(group);
            boolean complete = t != null && t[1] >= 0 && tasks.get(group).size() >= t[2];
            long left = deadline - System.currentTimeMillis();
            if (complete || left <= 0) {
                if (t == null) {
                    throw new IllegalStateException("no Spark job seen for group " + group);
                }
                List<TaskTiming> list = new ArrayList<>(tasks.get(group));
                list.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
                return new JobTiming(t[0], t[1] < 0 ? System.currentTimeMillis() : t[1], list);
            }
            wait(left);
        }
    }
}
