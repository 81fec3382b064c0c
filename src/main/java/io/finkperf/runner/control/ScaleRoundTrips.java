package io.finkperf.runner.control;

import io.finkperf.results.ObservedTiming;
import io.finkperf.results.ScaleMeasurementTiming;
import io.finkperf.results.ScaleTiming;
import io.finkperf.results.TimedCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A scale run's module calls against the round trips the JVM timed, one request per call. Its
 * measurements (cold call, warm calls, each batch size, each length's probes and calls) play the part of
 * {@link RoundTripCheck}'s loops, with its rules and tolerances: the result must list exactly the calls
 * that were requested, each with the figure it was answered with; no call may report more than its round
 * trip; the pings between calls are bounded; the round trips may exceed the figures by the request cost
 * per call + 5 % + 1 ms (median over measurements). The cost model is fitted on CPU time, so the driver's
 * CPU figures are held the same way against the CPU time the supervisor read in /proc over each call alone:
 * that reading may exceed them by no more than the same allowance (median over measurements; a module's
 * other threads, which the driver's process-wide figure counts and the main thread's reading does not, can
 * only make the driver's figure larger).
 */
public final class ScaleRoundTrips {

    /** One measurement as the driver listed it: its calls' wall and CPU figures, in call order. */
    public record Measurement(String name, TimedCalls calls) {
    }

    /** What a run that passed {@link #disagreement} publishes, measurement by measurement, and how it was timed. */
    public record Published(List<Measurement> measurements, ScaleTiming timing) {
    }

    private ScaleRoundTrips() {
    }

    /** Why the driver's figures are not to be trusted, or empty when they agree with what fink-perf observed. */
    public static Optional<String> disagreement(List<Measurement> measured, List<PacedCall> calls, List<Long> pings) {
        int listed = measured.stream().mapToInt(m -> m.calls().wallNs().size()).sum();
        if (listed != calls.size()) {
            return Optional.of("the scale result lists " + listed + " module calls but " + calls.size()
                    + " were requested by fink-perf");
        }
        int i = 0;
        for (Measurement m : measured) {
            if (m.calls().cpuNs().size() != m.calls().wallNs().size()) {
                return Optional.of(m.name() + " lists " + m.calls().wallNs().size() + " wall times but "
                        + m.calls().cpuNs().size() + " CPU times");
            }
            for (long wall : m.calls().wallNs()) {
                if (wall != calls.get(i).driverNs()) {
                    return Optional.of(String.format(Locale.ROOT, "call %d (%s) is listed as %d ns but was answered"
                            + " with %d ns", i + 1, m.name(), wall, calls.get(i).driverNs()));
                }
                i++;
            }
        }
        List<PacedLoop> loops = loops(measured, calls);
        List<Long> samples = loops.stream().map(PacedLoop::driverNs).toList();
        Optional<String> wall = RoundTripCheck.disagreement(samples, loops, calls, pings);
        if (wall.isPresent()) {
            return wall;
        }
        if (!cpuVisible(calls)) {
            return Optional.empty();
        }
        long ipc = RoundTripCheck.ipcNs(pings);
        List<Long> gaps = new ArrayList<>();
        List<Long> allowed = new ArrayList<>();
        List<Long> reported = new ArrayList<>();
        List<Long> observed = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < measured.size(); k++) {
            List<PacedCall> own = calls.subList(from, from + loops.get(k).calls());
            from += own.size();
            long driverCpu = sum(measured.get(k).calls().cpuNs());
            long seenCpu = own.stream().mapToLong(PacedCall::callCpuNs).sum();
            gaps.add(seenCpu - driverCpu);
            allowed.add(RoundTripCheck.allowance(loops.get(k), ipc));
            reported.add(driverCpu);
            observed.add(seenCpu);
        }
        long gap = TimingCheck.median(gaps);
        long allow = TimingCheck.median(allowed);
        if (gap > allow) {
            return Optional.of(String.format(Locale.ROOT, "the module reports %.3f ms of CPU time per measurement but"
                    + " its process spent %.3f ms in those calls (median of %d measurements; allowed difference %.3f ms)",
                    TimingCheck.median(reported) / 1e6, TimingCheck.median(observed) / 1e6, measured.size(), allow / 1e6));
        }
        return Optional.empty();
    }

    /**
     * The figures to fit the cost model on: each measurement's own when it agrees with its round trips (wall)
     * and with the supervisor's reading (CPU), else what fink-perf observed, call by call: the round trip less
     * the median ping, the CPU time read in /proc — never below the driver's figure, so a measurement preempted
     * in the relay is not made cheaper, and one forged while the medians held gains nothing.
     */
    public static Published published(List<Measurement> measured, List<PacedCall> calls, List<Long> pings) {
        long ipc = RoundTripCheck.ipcNs(pings);
        long ping = pings.isEmpty() ? 0 : Math.min(RoundTripCheck.MAX_IPC_NS, TimingCheck.median(pings));
        boolean cpuVisible = cpuVisible(calls);
        List<PacedLoop> loops = loops(measured, calls);
        List<Measurement> out = new ArrayList<>();
        List<ScaleMeasurementTiming> timings = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < measured.size(); k++) {
            Measurement m = measured.get(k);
            PacedLoop l = loops.get(k);
            List<PacedCall> own = calls.subList(from, from + l.calls());
            from += own.size();
            long allow = RoundTripCheck.allowance(l, ipc);
            boolean wallAgrees = l.roundTripNs() - l.driverNs() <= allow;
            boolean cpuAgrees = !cpuVisible
                    || own.stream().mapToLong(PacedCall::callCpuNs).sum() - sum(m.calls().cpuNs()) <= allow;
            List<Long> wall = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            for (int c = 0; c < own.size(); c++) {
                long w = m.calls().wallNs().get(c);
                long t = m.calls().cpuNs().get(c);
                wall.add(wallAgrees ? w : Math.max(w, own.get(c).roundTripNs() - ping));
                cpu.add(cpuAgrees ? t : Math.max(t, own.get(c).callCpuNs()));
            }
            out.add(new Measurement(m.name(), new TimedCalls(wall, cpu)));
            timings.add(new ScaleMeasurementTiming(m.name(), own.stream().map(PacedCall::roundTripNs).toList(),
                    own.stream().map(PacedCall::callCpuNs).toList(),
                    wallAgrees ? ScaleMeasurementTiming.DRIVER : ScaleMeasurementTiming.JVM,
                    cpuAgrees ? ScaleMeasurementTiming.DRIVER : ScaleMeasurementTiming.JVM));
        }
        return new Published(out, new ScaleTiming(ObservedTiming.JVM_ROUND_TRIP, ipc, pings, cpuVisible, timings));
    }

    private static List<PacedLoop> loops(List<Measurement> measured, List<PacedCall> calls) {
        List<PacedLoop> loops = new ArrayList<>();
        int from = 0;
        for (Measurement m : measured) {
            int n = m.calls().wallNs().size();
            loops.add(PacedLoop.of(calls.subList(from, from + n)));
            from += n;
        }
        return loops;
    }

    private static boolean cpuVisible(List<PacedCall> calls) {
        return !calls.isEmpty() && calls.stream().allMatch(c -> c.callCpuNs() >= 0);
    }

    private static long sum(List<Long> xs) {
        return xs.stream().mapToLong(Long::longValue).sum();
    }
}
