package io.finkperf.spark;

import java.util.List;

/** One Spark job (one measured loop) as the listener saw it: wall-clock ms and its tasks. */
public record JobTiming(long startMs, long endMs, List<TaskTiming> tasks) {

    public JobTiming {
        tasks = List.copyOf(tasks);
    }

    public long wallMs() {
        return endMs - startMs;
    }
}
