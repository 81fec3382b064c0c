package io.finkperf.spark;

import io.finkperf.results.SampleStats;
import io.finkperf.results.SparkTimingCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps the Python workers' self-reported phase timings of a Spark module only when they fit what
 * the executor JVMs observed of each task: their own clock around the worker call, and, where the
 * worker's process is visible, its CPU time from /proc. The worker imports the module, so its clocks
 * and everything it reports are the module's to bend.
 *
 * <p>Impossible for an honest worker, so one task is enough: a negative part; phase stamps out of
 * order or outside the executor's window around the call (same host, same wall clock); parts that do
 * not fit in the worker's own window or in the executor's round trip. Possible for an honest worker
 * on a loaded machine, so a module is flagged only when at least half its tasks show one: time in the
 * worker's window that none of its parts covers (a clock slowed to make compute look cheap), CPU time
 * the worker burnt outside its reported window (a window shrunk with it).
 */
final class WorkerTimingCheck {

    /** The executor and the worker read the same wall clock on one host: rounding only. */
    static final long CLOCK_NS = 1_000_000;
    /** Parts are timed on the monotonic clock, the window on the wall clock: rates and rounding. */
    static final long FIT_NS = 1_000_000;
    static final double FIT_FRACTION = 0.01;
    /** Inside the window, between parts: output checks, the chunk loop, a preemption there. */
    static final long UNACCOUNTED_NS = 5_000_000;
    static final double UNACCOUNTED_FRACTION = 0.10;
    /** CPU time before and after the window: spec read, result write, reply; /proc's 10 ms ticks as a fallback. */
    static final long CPU_NS = 20_000_000;
    static final double CPU_FRACTION = 0.05;

    private WorkerTimingCheck() {
    }

    /** One task: a disagreement no noise explains, or the soft margins (above 1: too much). */
    record Task(Optional<String> impossible, double unaccountedRatio, double cpuRatio, double observedOverReported) {

        boolean suspicious() {
            return unaccountedRatio > 1 || cpuRatio > 1;
        }

        boolean disagrees() {
            return impossible.isPresent() || suspicious();
        }
    }

    /** The check over every task of a module's measured loops; {@link #trusted} says whether to keep them. */
    record Verdict(SparkTimingCheck summary, boolean trusted) {
    }

    static Verdict of(List<PartitionOutcome> tasks) {
        List<Double> ratios = new ArrayList<>();
        int withCpu = 0;
        int disagreeing = 0;
        int suspicious = 0;
        double maxUnaccounted = 0;
        double maxCpu = Double.NaN;
        String first = null;
        String firstImpossible = null;
        for (PartitionOutcome p : tasks) {
            Task t = task(p);
            if (!Double.isNaN(t.observedOverReported())) {
                ratios.add(t.observedOverReported());
            }
            if (p.workerCpuNs() != PartitionOutcome.CPU_NOT_VISIBLE) {
                withCpu++;
                maxCpu = Double.isNaN(maxCpu) ? t.cpuRatio() : Math.max(maxCpu, t.cpuRatio());
            }
            maxUnaccounted = Math.max(maxUnaccounted, t.unaccountedRatio());
            if (t.suspicious()) {
                suspicious++;
            }
            if (t.disagrees()) {
                disagreeing++;
                String why = "partition " + p.partition() + ": " + t.impossible().orElseGet(() -> softReason(p, t));
                first = first == null ? why : first;
                if (t.impossible().isPresent() && firstImpossible == null) {
                    firstImpossible = why;
                }
            }
        }
        boolean trusted = firstImpossible == null && 2 * suspicious < tasks.size();
        SampleStats observedOverReported = SampleStats.of(ratios);
        String shown = firstImpossible != null ? firstImpossible
                : first == null ? null : first + (trusted ? "" : " (" + suspicious + " of " + tasks.size() + " tasks)");
        return new Verdict(new SparkTimingCheck(tasks.size(), withCpu, disagreeing, observedOverReported.median(),
                observedOverReported.min(), maxUnaccounted, maxCpu,
                shown), trusted);
    }

    static Task task(PartitionOutcome p) {
        long parts = p.readNs() + p.computeNs() + p.serializeNs();
        long window = p.endEpoch() - p.importDoneEpoch();
        double observedOverReported = parts > 0 ? (double) p.observedNs() / parts : Double.NaN;
        Optional<String> impossible = impossible(p, parts, window);
        double unaccounted = Math.max(0, window - parts) / (UNACCOUNTED_NS + UNACCOUNTED_FRACTION * Math.max(0, window));
        double cpu = 0;
        if (p.workerCpuNs() != PartitionOutcome.CPU_NOT_VISIBLE) {
            long claimed = Math.max(0, p.endEpoch() - p.launchEpoch());
            cpu = Math.max(0, p.workerCpuNs() - claimed) / (CPU_NS + CPU_FRACTION * claimed);
        }
        return new Task(impossible, unaccounted, cpu, observedOverReported);
    }

    private static Optional<String> impossible(PartitionOutcome p, long parts, long window) {
        if (p.readNs() < 0 || p.computeNs() < 0 || p.serializeNs() < 0) {
            return Optional.of(String.format(Locale.ROOT, "the worker reports a negative duration (read %d ns,"
                    + " compute %d ns, serialise %d ns)", p.readNs(), p.computeNs(), p.serializeNs()));
        }
        long[] stamps = {p.launchEpoch() - CLOCK_NS, p.mainEpoch(), p.libsEpoch(), p.importDoneEpoch(), p.endEpoch(),
            p.exitEpoch() + CLOCK_NS};
        for (int i = 1; i < stamps.length; i++) {
            if (stamps[i] < stamps[i - 1]) {
                return Optional.of(String.format(Locale.ROOT, "the worker's phase stamps are not inside the executor's"
                        + " window around the call (ms from launch: start %s, libraries %s, module %s, end %s;"
                        + " the executor saw it end at %s)", ms(p.mainEpoch() - p.launchEpoch()),
                        ms(p.libsEpoch() - p.launchEpoch()), ms(p.importDoneEpoch() - p.launchEpoch()),
                        ms(p.endEpoch() - p.launchEpoch()), ms(p.exitEpoch() - p.launchEpoch())));
            }
        }
        if (parts > window + FIT_NS + FIT_FRACTION * window) {
            return Optional.of(String.format(Locale.ROOT, "the worker reports %s ms of work in a %s ms window",
                    ms(parts), ms(window)));
        }
        if (parts > p.observedNs() + FIT_NS + FIT_FRACTION * p.observedNs()) {
            return Optional.of(String.format(Locale.ROOT, "the worker reports %s ms of work but the executor observed"
                    + " the whole call take %s ms", ms(parts), ms(p.observedNs())));
        }
        return Optional.empty();
    }

    private static String softReason(PartitionOutcome p, Task t) {
        long parts = p.readNs() + p.computeNs() + p.serializeNs();
        if (t.unaccountedRatio() > 1) {
            return String.format(Locale.ROOT, "the worker's parts (read, compute, serialise) cover %s ms of its"
                    + " %s ms window (%.1f times the allowed gap)", ms(parts), ms(p.endEpoch() - p.importDoneEpoch()),
                    t.unaccountedRatio());
        }
        return String.format(Locale.ROOT, "the worker used %s ms of CPU but reports a %s ms window (%.1f times the"
                + " allowed excess)", ms(p.workerCpuNs()), ms(p.endEpoch() - p.launchEpoch()), t.cpuRatio());
    }

    private static String ms(long ns) {
        return String.format(Locale.ROOT, "%.3f", ns / 1e6);
    }
}
