package io.finkperf.runner.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps a module's self-reported loop times only when they agree with what the JVM and the supervisor
 * observed of the calls it requested one by one ({@link PacedLoop}). Not trusted: a loop not paced call by
 * call, a sample that is not the sum of its calls' figures, a call reporting more than the round trip that
 * held it, or figures short of the CPU time the driver's main thread ran meanwhile (the median loop,
 * beyond {@link #cpuAllowance}; load does not add to a thread's CPU time, and a thread cannot run longer
 * than the wall time it reports). Round trips longer than the figures are no proof: wake-ups on a loaded
 * machine stretch them (an honest 0.47 ms call took 2.24 ms of round trip in CI beside other builds), so
 * such a loop is published as the JVM saw it ({@link #published}) and a module that waits without
 * reporting it gains nothing. The empty requests between calls (whose windows hold the driver's own
 * work after a call) must take at most a cap in the median and five times it on average, so that work a
 * module moves out of its calls is bounded too.
 */
public final class RoundTripCheck {

    static final long MIN_IPC_NS = 20_000;
    /**
     * Pings are answered inside the driver's process, which module code could slow down to widen the
     * allowance: beyond this, they are not believed (measured p90: well under 1 ms on a quiet machine,
     * 1–3 ms with 2 cores shared by a dozen builds; docs/security.md).
     */
    static final long MAX_IPC_NS = 5_000_000;
    /** A few preempted pings (tens of ms each on a loaded machine) must not flag an honest module. */
    static final long MAX_MEAN_PING_NS = 5 * MAX_IPC_NS;
    static final long NOISE_NS = 1_000_000;
    static final double NOISE_FRACTION = 0.05;
    /**
     * The driver's own CPU per call outside its timed region (the request, the answer, the empty request,
     * its events): measured 1.2–1.6 ms on 2 cores shared by three builds, so 5 ms leaves room.
     */
    static final long DRIVER_CPU_PER_CALL_NS = 5_000_000;
    static final double CPU_FRACTION = 0.20;

    private RoundTripCheck() {
    }

    /**
     * Why the samples are not to be trusted, or empty when nothing fink-perf observed contradicts them.
     *
     * @param chunks the module calls of one loop (the batch's chunks)
     */
    public static Optional<String> disagreement(List<Long> samples, List<PacedCall> calls, int chunks) {
        if (chunks == 0 && calls.isEmpty()) {
            return Optional.empty(); // an empty batch: the module was never called, nothing to time
        }
        if (chunks < 0 || calls.size() != (long) samples.size() * chunks) {
            return Optional.of(samples.size() + " measured loops of " + chunks + " chunk(s) reported but "
                    + calls.size() + " module calls requested by fink-perf");
        }
        return disagreement(samples, PacedLoop.group(calls, chunks), calls);
    }

    /**
     * The same rules for loops of any number of calls (a scale run's measurements): {@code samples} are the
     * loops' own figures (each must be the sum of its calls' answers), {@code calls} every call of them.
     */
    public static Optional<String> disagreement(List<Long> samples, List<PacedLoop> loops, List<PacedCall> calls) {
        List<Long> between = calls.stream().map(PacedCall::pingNs).toList();
        long medianPing = TimingCheck.median(between);
        double meanPing = between.stream().mapToLong(Long::longValue).average().orElse(0);
        if (medianPing > MAX_IPC_NS || meanPing > MAX_MEAN_PING_NS) {
            // the driver's own work between calls sits in these windows: work hidden there is bounded here
            // (the median for the typical window, the mean so that work hidden in a few windows counts too)
            return Optional.of(String.format(Locale.ROOT, "the driver took %.3f ms (median; mean %.3f ms) to answer"
                    + " the empty request between two calls (at most %.3f ms; mean %.3f ms)", medianPing / 1e6,
                    meanPing / 1e6, MAX_IPC_NS / 1e6, MAX_MEAN_PING_NS / 1e6));
        }
        for (int i = 0; i < loops.size(); i++) {
            PacedLoop l = loops.get(i);
            if (l.driverNs() != samples.get(i)) {
                return Optional.of("loop " + (i + 1) + " reports " + samples.get(i) + " ns but its " + l.calls()
                        + " paced calls were answered with " + l.driverNs() + " ns");
            }
            if (l.maxOverNs() > 0) {
                return Optional.of(String.format(Locale.ROOT, "a call of loop %d reports %.3f ms more than the round"
                        + " trip that held it", i + 1, l.maxOverNs() / 1e6));
            }
        }
        return cpuDisagreement(loops);
    }

    /**
     * The median loop's figures against the CPU time its driver's main thread ran meanwhile, read in /proc:
     * over the calls alone where the supervisor read it so, else over each call and the empty request before it.
     */
    private static Optional<String> cpuDisagreement(List<PacedLoop> loops) {
        List<PacedLoop> known = loops.stream().filter(l -> mainThreadCpuNs(l) >= 0).toList();
        if (known.isEmpty()) {
            return Optional.empty();
        }
        long excess = TimingCheck.median(known.stream().map(l -> mainThreadCpuNs(l) - l.driverNs()).toList());
        long allow = TimingCheck.median(known.stream().map(RoundTripCheck::cpuAllowance).toList());
        if (excess <= allow) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the module reports %.3f ms per loop but its main thread ran"
                + " %.3f ms on a CPU meanwhile (median of %d loops; allowed difference %.3f ms)",
                TimingCheck.median(known.stream().map(PacedLoop::driverNs).toList()) / 1e6,
                TimingCheck.median(known.stream().map(RoundTripCheck::mainThreadCpuNs).toList()) / 1e6, known.size(),
                allow / 1e6));
    }

    private static long mainThreadCpuNs(PacedLoop l) {
        return l.callCpuNs() >= 0 ? l.callCpuNs() : l.cpuNs();
    }

    /** The samples to publish, and for each whether it is the driver's figure or the JVM's. */
    public record Published(List<Long> samplesNs, List<String> from) {
    }

    /**
     * What a run that passed {@link #disagreement} publishes: each loop's own figure when that loop
     * agrees with its round trips, else (a loop preempted in the relay, or one forged while the median
     * held) what the JVM observed: the round trips less one median ping per call, never below the
     * driver's figure. A forged minority of loops thus gains nothing, and the mean the gate reads is not
     * moved by it.
     */
    public static Published published(List<Long> samples, List<PacedLoop> loops, List<Long> pings) {
        long ipc = ipcNs(pings);
        long ping = pings.isEmpty() ? 0 : Math.min(MAX_IPC_NS, TimingCheck.median(pings));
        List<Long> out = new ArrayList<>();
        List<String> from = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            PacedLoop l = loops.get(i);
            boolean agrees = l.roundTripNs() - l.driverNs() <= allowance(l, ipc);
            out.add(agrees ? samples.get(i) : Math.max(samples.get(i), l.roundTripNs() - l.calls() * ping));
            from.add(agrees ? FROM_DRIVER : FROM_JVM);
        }
        return new Published(out, from);
    }

    public static final String FROM_DRIVER = "driver";
    public static final String FROM_JVM = "jvm";

    /** What a loop's round trips may exceed its figures by and still be published as the driver's. */
    static long allowance(PacedLoop l, long ipcNs) {
        return l.calls() * ipcNs + NOISE_NS + Math.round(NOISE_FRACTION * l.roundTripNs());
    }

    /** What the main thread's CPU time may exceed a loop's figures by: the driver's own work around each call. */
    static long cpuAllowance(PacedLoop l) {
        return l.calls() * DRIVER_CPU_PER_CALL_NS + Math.round(CPU_FRACTION * l.driverNs());
    }

    /** The 90th percentile of the pings' round trips, within [{@link #MIN_IPC_NS}, {@link #MAX_IPC_NS}]. */
    public static long ipcNs(List<Long> pings) {
        if (pings.isEmpty()) {
            return MIN_IPC_NS;
        }
        List<Long> sorted = new ArrayList<>(pings);
        sorted.sort(null);
        long p90 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.9 * sorted.size()) - 1));
        return Math.min(MAX_IPC_NS, Math.max(MIN_IPC_NS, p90));
    }
}
