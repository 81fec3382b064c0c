package io.finkperf.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The workers' reported phases against the executor's observations, task by task and per module. */
class WorkerTimingCheckTest {

    static final long MS = 1_000_000;
    static final long LAUNCH = 1_800_000_000_000_000_000L;
    static final long NO_CPU = PartitionOutcome.CPU_NOT_VISIBLE;

    /**
     * A task of a kept worker: hand-over 2 ms, then read, compute, serialise and {@code otherMs} of loop
     * overhead inside its window, 1 ms to reply; {@code cpuMs} of CPU read from /proc (or none).
     */
    static PartitionOutcome task(long readMs, long computeMs, long serializeMs, long otherMs, long cpuMs) {
        long main = LAUNCH + MS;
        long imported = main + MS;
        long end = imported + (readMs + computeMs + serializeMs + otherMs) * MS;
        long exit = end + MS;
        return outcome(main, imported, end, exit, readMs * MS, computeMs * MS, serializeMs * MS, exit - LAUNCH,
                cpuMs < 0 ? NO_CPU : cpuMs * MS);
    }

    static PartitionOutcome outcome(long main, long imported, long end, long exit, long read, long compute, long serialize,
                                    long observed, long cpu) {
        return new PartitionOutcome(0, 36, true, null, 0, "float64", new byte[0], exit - LAUNCH + 5 * MS, MS, LAUNCH,
                main, main, imported, end, exit, read, compute, serialize, MS, MS, true, observed, cpu);
    }

    static PartitionOutcome honest() {
        return task(2, 40, 1, 1, 46);
    }

    @Nested
    class AnHonestTask {

        @Test
        void agreesWithMarginsBelowOne() {
            WorkerTimingCheck.Task t = WorkerTimingCheck.task(honest());
            assertTrue(t.impossible().isEmpty(), t.impossible()::get);
            assertFalse(t.disagrees());
            assertEquals(1.0 / (5 + 0.1 * 44), t.unaccountedRatio(), 1e-9, "1 ms unaccounted of 5 ms + 10 % of a 44 ms window");
            assertEquals(0, t.cpuRatio(), "46 ms of CPU within a 46 ms launch-to-end span");
            assertEquals(47.0 / 43, t.observedOverReported(), 1e-9);
        }

        @Test
        void withoutVisibleCpuIsJudgedOnItsStampsAlone() {
            WorkerTimingCheck.Task t = WorkerTimingCheck.task(task(2, 40, 1, 1, -1));
            assertFalse(t.disagrees());
            assertEquals(0, t.cpuRatio());
        }
    }

    @Nested
    class ImpossibleReports {

        @Test
        void aNegativePart() {
            PartitionOutcome p = task(2, 40, 1, 1, -1);
            PartitionOutcome negative = outcome(p.mainEpoch(), p.importDoneEpoch(), p.endEpoch(), p.exitEpoch(), p.readNs(),
                    -(p.endEpoch() / 100), p.serializeNs(), p.observedNs(), NO_CPU);
            assertTrue(WorkerTimingCheck.task(negative).impossible().orElseThrow().contains("negative duration"));
        }

        @Test
        void aStampBeforeTheExecutorStartedTheCall() {
            PartitionOutcome p = honest();
            PartitionOutcome early = outcome(LAUNCH - 2 * MS, p.importDoneEpoch(), p.endEpoch(), p.exitEpoch(), p.readNs(),
                    p.computeNs(), p.serializeNs(), p.observedNs(), NO_CPU);
            assertTrue(WorkerTimingCheck.task(early).impossible().orElseThrow().contains("not inside the executor's window"));
        }

        @Test
        void aStampAfterTheExecutorSawTheCallEnd() {
            PartitionOutcome p = honest();
            PartitionOutcome late = outcome(p.mainEpoch(), p.importDoneEpoch(), p.exitEpoch() + 2 * MS, p.exitEpoch(),
                    p.readNs(), p.computeNs(), p.serializeNs(), p.observedNs(), NO_CPU);
            assertTrue(WorkerTimingCheck.task(late).impossible().isPresent());
        }

        @Test
        void stampsWithinTheClockToleranceAreFine() {
            PartitionOutcome p = honest();
            PartitionOutcome close = outcome(LAUNCH - MS / 2, p.importDoneEpoch(), p.exitEpoch() + MS / 2, p.exitEpoch(),
                    p.readNs(), p.computeNs(), p.serializeNs(), p.observedNs(), NO_CPU);
            assertTrue(WorkerTimingCheck.task(close).impossible().isEmpty());
        }

        @Test
        void morePartsThanItsOwnWindow() {
            PartitionOutcome p = honest();
            PartitionOutcome inflated = outcome(p.mainEpoch(), p.importDoneEpoch(), p.endEpoch(), p.exitEpoch(), p.readNs(),
                    p.computeNs() + 10 * MS, p.serializeNs(), 100 * MS, NO_CPU);
            assertTrue(WorkerTimingCheck.task(inflated).impossible().orElseThrow().contains("of work in a 44.000 ms window"));
        }

        @Test
        void morePartsThanTheExecutorsRoundTrip() {
            PartitionOutcome p = honest();
            PartitionOutcome longer = outcome(p.mainEpoch(), p.importDoneEpoch(), p.endEpoch(), p.exitEpoch(), p.readNs(),
                    p.computeNs(), p.serializeNs(), 30 * MS, NO_CPU);
            assertTrue(WorkerTimingCheck.task(longer).impossible().orElseThrow().contains("observed the whole call take 30.000 ms"));
        }
    }

    @Nested
    class SuspiciousReports {

        @Test
        void aClockSlowedInsideTheWindowLeavesItUncovered() {
            // 40 ms of compute reported as 0.4 ms: 39.6 ms in the window that no part covers
            PartitionOutcome slowed = task(2, 0, 1, 41, -1);
            WorkerTimingCheck.Task t = WorkerTimingCheck.task(slowed);
            assertTrue(t.impossible().isEmpty());
            assertTrue(t.unaccountedRatio() > 3, String.valueOf(t.unaccountedRatio()));
        }

        @Test
        void cpuBurntOutsideAShrunkWindow() {
            // both clocks slowed: a 1 ms window, but the executor counted 45 ms of CPU during the call
            WorkerTimingCheck.Task t = WorkerTimingCheck.task(task(0, 0, 0, 1, 45));
            assertTrue(t.unaccountedRatio() < 1);
            assertEquals((45.0 - 3) / (20 + 0.05 * 3), t.cpuRatio(), 1e-9);
            assertTrue(t.suspicious());
        }
    }

    @Nested
    class AModule {

        @Test
        void withHonestTasksIsTrustedAndItsMarginsAreKept() {
            WorkerTimingCheck.Verdict v = WorkerTimingCheck.of(List.of(honest(), task(3, 60, 2, 2, -1), honest(), honest()));
            assertTrue(v.trusted());
            assertEquals(4, v.summary().tasks());
            assertEquals(3, v.summary().tasksWithCpu());
            assertEquals(0, v.summary().tasksDisagreeing());
            assertNull(v.summary().firstDisagreement());
            assertEquals(47.0 / 43, v.summary().observedOverReportedMedian(), 1e-9);
            assertEquals(0.0, v.summary().cpuOverAllowedMax());
        }

        @Test
        void withOneImpossibleTaskIsNotTrusted() {
            PartitionOutcome p = honest();
            PartitionOutcome early = outcome(LAUNCH - 5 * MS, p.importDoneEpoch(), p.endEpoch(), p.exitEpoch(), p.readNs(),
                    p.computeNs(), p.serializeNs(), p.observedNs(), NO_CPU);
            WorkerTimingCheck.Verdict v = WorkerTimingCheck.of(List.of(honest(), honest(), honest(), early));
            assertFalse(v.trusted());
            assertEquals(1, v.summary().tasksDisagreeing());
            assertTrue(v.summary().firstDisagreement().startsWith("partition 0: the worker's phase stamps"),
                    v.summary().firstDisagreement());
        }

        @Test
        void withOneSuspiciousTaskOfFourIsTrusted() {
            WorkerTimingCheck.Verdict v = WorkerTimingCheck.of(List.of(honest(), honest(), honest(), task(2, 0, 1, 41, -1)));
            assertTrue(v.trusted(), "one preempted task does not flag an honest module");
            assertEquals(1, v.summary().tasksDisagreeing());
            assertTrue(v.summary().unaccountedOverAllowedMax() > 1);
        }

        @Test
        void withHalfItsTasksSuspiciousIsNotTrusted() {
            PartitionOutcome slowed = task(2, 0, 1, 41, -1);
            WorkerTimingCheck.Verdict v = WorkerTimingCheck.of(List.of(honest(), slowed, honest(), slowed));
            assertFalse(v.trusted());
            assertTrue(v.summary().firstDisagreement().endsWith("(2 of 4 tasks)"), v.summary().firstDisagreement());
        }

        @Test
        void withNoCpuVisibleSaysSo() {
            WorkerTimingCheck.Verdict v = WorkerTimingCheck.of(Collections.nCopies(3, task(2, 40, 1, 1, -1)));
            assertEquals(0, v.summary().tasksWithCpu());
            assertTrue(Double.isNaN(v.summary().cpuOverAllowedMax()));
        }
    }
}
