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
 * A scale run's module calls against what fink-perf observed of them, one JVM request per call, with
 * {@link RoundTripCheck}'s rules and tolerances, each call playing the part of a loop of one chunk (a scale
 * call is one module call on one batch, as a loop over a one-chunk batch is): the result must list exactly
 * the calls that were requested, each with the figure it was answered with; no call may report more than
 * its round trip; the pings between calls are bounded; the median call's figure may fall short of the CPU
 * time the driver's main thread ran during it by no more than {@link RoundTripCheck#cpuAllowance}. The cost
 * model is fitted on CPU time, so the driver's CPU figures are held the same way against the CPU time the
 * supervisor read in /proc over each call alone (median over calls; a module's other threads, which the
 * driver's process-wide figure counts and the main thread's reading does not, can only make the driver's
 * figure larger). A call whose round trip exceeds its figure by more than a request's cost is published as
 * the JVM saw it. Whole measurements (tens of calls) were tried as the loops first: their sums gather every
 * preemption and flagged an honest 20 µs module in a container (docs/security.md).
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
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (Measurement m : measured) {
            if (m.calls().cpuNs().size() != m.calls().wallNs().size()) {
                return Optional.of(m.name() + " lists " + m.calls().wallNs().size() + " wall times but "
                        + m.calls().cpuNs().size() + " CPU times");
            }
            for (long w : m.calls().wallNs()) {
                if (w != calls.get(i).driverNs()) {
                    return Optional.of(String.format(Locale.ROOT, "call %d (%s) is listed as %d ns but was answered"
                            + " with %d ns", i + 1, m.name(), w, calls.get(i).driverNs()));
                }
                i++;
            }
            wall.addAll(m.calls().wallNs());
            cpu.addAll(m.calls().cpuNs());
        }
        List<PacedLoop> loops = calls.stream().map(c -> PacedLoop.of(List.of(c))).toList();
        Optional<String> byWall = RoundTripCheck.disagreement(wall, loops, calls);
        if (byWall.isPresent() || !cpuVisible(calls)) {
            return byWall;
        }
        long ipc = RoundTripCheck.ipcNs(pings);
        List<Long> gaps = new ArrayList<>();
        List<Long> allowed = new ArrayList<>();
        List<Long> observed = new ArrayList<>();
        for (int k = 0; k < calls.size(); k++) {
            gaps.add(calls.get(k).callCpuNs() - cpu.get(k));
            allowed.add(RoundTripCheck.allowance(loops.get(k), ipc));
            observed.add(calls.get(k).callCpuNs());
        }
        long gap = TimingCheck.median(gaps);
        long allow = TimingCheck.median(allowed);
        if (gap > allow) {
            return Optional.of(String.format(Locale.ROOT, "the module reports %.3f ms of CPU time per call but its"
                    + " process spent %.3f ms in its calls (median of %d calls; allowed difference %.3f ms)",
                    TimingCheck.median(cpu) / 1e6, TimingCheck.median(observed) / 1e6, calls.size(), allow / 1e6));
        }
        return Optional.empty();
    }

    /**
     * The figures to fit the cost model on: each call's own when it agrees with its round trip (wall) and with
     * the supervisor's reading (CPU), else what fink-perf observed: the round trip less the median ping, the CPU
     * time read in /proc — never below the driver's figure, so a call preempted in the relay is not made
     * cheaper, and calls forged while the medians held gain nothing.
     */
    public static Published published(List<Measurement> measured, List<PacedCall> calls, List<Long> pings) {
        long ipc = RoundTripCheck.ipcNs(pings);
        boolean cpuVisible = cpuVisible(calls);
        List<Long> listedWall = measured.stream().flatMap(m -> m.calls().wallNs().stream()).toList();
        RoundTripCheck.Published wallPublished = RoundTripCheck.published(listedWall,
                calls.stream().map(c -> PacedLoop.of(List.of(c))).toList(), pings);
        List<Measurement> out = new ArrayList<>();
        List<ScaleMeasurementTiming> timings = new ArrayList<>();
        int from = 0;
        for (Measurement m : measured) {
            int n = m.calls().wallNs().size();
            List<PacedCall> own = calls.subList(from, from + n);
            List<Long> wall = wallPublished.samplesNs().subList(from, from + n);
            int wallFromJvm = (int) wallPublished.from().subList(from, from + n).stream()
                    .filter(RoundTripCheck.FROM_JVM::equals).count();
            from += n;
            List<Long> cpu = new ArrayList<>();
            int cpuFromJvm = 0;
            for (int c = 0; c < n; c++) {
                PacedCall call = own.get(c);
                long t = m.calls().cpuNs().get(c);
                boolean cpuAgrees = !cpuVisible
                        || call.callCpuNs() - t <= RoundTripCheck.allowance(PacedLoop.of(List.of(call)), ipc);
                cpu.add(cpuAgrees ? t : Math.max(t, call.callCpuNs()));
                cpuFromJvm += cpuAgrees ? 0 : 1;
            }
            out.add(new Measurement(m.name(), new TimedCalls(List.copyOf(wall), cpu)));
            timings.add(new ScaleMeasurementTiming(m.name(), own.stream().map(PacedCall::roundTripNs).toList(),
                    own.stream().map(PacedCall::callCpuNs).toList(), wallFromJvm, cpuFromJvm));
        }
        return new Published(out, new ScaleTiming(ObservedTiming.JVM_ROUND_TRIP, ipc, pings, cpuVisible, timings));
    }

    private static boolean cpuVisible(List<PacedCall> calls) {
        return !calls.isEmpty() && calls.stream().allMatch(c -> c.callCpuNs() >= 0);
    }
}
