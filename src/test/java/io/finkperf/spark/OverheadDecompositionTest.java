package io.finkperf.spark;

import static io.finkperf.spark.OverheadDecomposition.COLLECTION;
import static io.finkperf.spark.OverheadDecomposition.COMPUTE;
import static io.finkperf.spark.OverheadDecomposition.PYTHON_START;
import static io.finkperf.spark.OverheadDecomposition.SCHEDULING;
import static io.finkperf.spark.OverheadDecomposition.SERIALISATION;
import static io.finkperf.spark.OverheadDecomposition.UNEXPLAINED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.finkperf.spark.JobTiming;
import io.finkperf.spark.LoopMeasurement;
import io.finkperf.spark.PartitionOutcome;
import io.finkperf.spark.TaskTiming;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand-computed decompositions of a two-task job on two cores (times in ms unless said). */
class OverheadDecompositionTest {

    static final long MS = 1_000_000L;
    static final long T0 = 1_000 * MS;

    /**
     * Python phases of one partition, from the task's launch of the worker at {@code launchMs}; the task
     * function lasts its timed phases (2 ms read back, 1 ms cleanup included) plus {@code untimedMs}.
     */
    static PartitionOutcome partition(int i, long launchMs, long writeMs, long startImportMs, long readMs, long computeMs,
                                      long serializeMs, long otherMs, long exitMs, long untimedMs) {
        long launch = launchMs * MS;
        long imported = launch + startImportMs * MS;
        long end = imported + (readMs + computeMs + serializeMs + otherMs) * MS;
        long taskNs = writeMs * MS + (end + exitMs * MS - launch) + 3 * MS + untimedMs * MS;
        return new PartitionOutcome(i, 36, true, null, 0, "float64", new byte[0], taskNs, writeMs * MS, launch, launch + MS,
                launch + 2 * MS, imported, end, end + exitMs * MS, readMs * MS, computeMs * MS, serializeMs * MS, 2 * MS, MS, false,
                end + exitMs * MS - launch, PartitionOutcome.CPU_NOT_VISIBLE);
    }

    static LoopMeasurement loop() {
        JobTiming job = new JobTiming(1_010, 1_210, List.of(
                new TaskTiming(0, 1_012, 1_202, 5, 180, 1, 0, "0", "127.0.0.1"),  // 190 ms, scheduler delay 4
                new TaskTiming(1, 1_013, 1_193, 5, 170, 1, 0, "0", "127.0.0.1"))); // 180 ms, scheduler delay 4
        return new LoopMeasurement(T0, 1_215 * MS, 1_216 * MS, job, List.of(
                partition(0, 1_030, 15, 100, 10, 30, 5, 5, 10, 1),   // timed 178 of a 179 ms function in a 180 ms run
                partition(1, 1_030, 15, 100, 10, 20, 5, 5, 10, 0)),  // timed 168 of a 168 ms function in a 170 ms run
                "hash");
    }

    @Nested
    class OneLoopOnTwoCores {

        final OverheadDecomposition.Result r = OverheadDecomposition.of(List.of(loop()), 2);

        @Test
        void totalIsTheDriverMeasuredWallTime() {
            assertEquals(0.216, r.total(), 1e-12);
        }

        @Test
        void schedulingIsPreJobIdleCoresDelayAndDeserialisation() {
            // 10 pre-job + (2·200 − 370)/2 idle + (4+4)/2 delay + (5+5)/2 deserialisation + (1+2)/2 outside the function
            assertEquals(0.0355, r.part(SCHEDULING), 1e-12);
            assertEquals(0.015, r.detail().get(SCHEDULING + " / idle cores during the job"), 1e-12);
            assertEquals(0.0015, r.detail().get(SCHEDULING + " / task run outside the task function"), 1e-12);
        }

        @Test
        void taskPhasesAreCoreTimeDividedByCores() {
            assertEquals(0.033, r.part(SERIALISATION), 1e-12);   // (15+10+5+3)·2/2
            assertEquals(0.115, r.part(PYTHON_START), 1e-12);    // (100+5+10)·2/2
            assertEquals(0.025, r.part(COMPUTE), 1e-12);         // (30+20)/2
            assertEquals(0.007, r.part(COLLECTION), 1e-12);      // (1+1)/2 + 5 post-job + 1 hashing
        }

        @Test
        void unexplainedIsTaskFunctionTimeNotCoveredByItsTimers() {
            assertEquals(0.0005, r.part(UNEXPLAINED), 1e-12);     // (1+0)/2
            assertEquals(0.2155, r.explained(), 1e-12);
            assertEquals(0.0005 / 0.216, r.unexplainedFraction(), 1e-12);
        }

        @Test
        void partsSumToTheTotal() {
            assertEquals(r.total(), r.parts().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
            assertEquals(OverheadDecomposition.PARTS, List.copyOf(r.parts().keySet()));
        }
    }

    @Test
    void loopsAreAveraged() {
        OverheadDecomposition.Result r = OverheadDecomposition.of(List.of(loop(), loop()), 2);
        assertEquals(0.216, r.total(), 1e-12);
        assertEquals(0.025, r.part(COMPUTE), 1e-12);
    }

    @Test
    void oneCoreSeesNoIdleTimeWhenTasksRunBackToBack() {
        // each run: 50 compute + 3 read back and cleanup
        JobTiming job = new JobTiming(1_000, 1_106, List.of(new TaskTiming(0, 1_000, 1_053, 0, 53, 0, 0, "0", "127.0.0.1"),
                new TaskTiming(1, 1_053, 1_106, 0, 53, 0, 0, "0", "127.0.0.1")));
        LoopMeasurement l = new LoopMeasurement(T0, 1_106 * MS, 1_106 * MS, job, List.of(
                partition(0, 1_000, 0, 0, 0, 50, 0, 0, 0, 0), partition(1, 1_053, 0, 0, 0, 50, 0, 0, 0, 0)), "h");
        OverheadDecomposition.Result r = OverheadDecomposition.of(List.of(l), 1);
        assertEquals(0.106, r.total(), 1e-12);
        assertEquals(0.0, r.part(SCHEDULING), 1e-12);
        assertEquals(0.006, r.part(SERIALISATION), 1e-12);
        assertEquals(0.100, r.part(COMPUTE), 1e-12);
        assertEquals(0.0, r.part(UNEXPLAINED), 1e-12);
    }

    @Test
    void noLoopsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> OverheadDecomposition.of(List.of(), 2));
    }
}
