package io.finkperf.runner.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps a module's self-reported loop times only when they agree with the round trips the JVM timed
 * itself, one request per module call ({@link PacedLoop}): every measured loop must have been paced,
 * its sample must be the sum of its calls' figures, no call may report more than the round trip that
 * held it, and the round trips may exceed the figures by no more than what a request costs with nothing
 * inside (the pings' 90th percentile, capped so that a module cannot buy itself slack by slowing the
 * pings down) per call, plus 5 % and 1 ms for preemption on a loaded machine — as a median over loops,
 * so one preempted loop does not flag an honest module.
 */
public final class RoundTripCheck {

    static final long MIN_IPC_NS = 20_000;
    /** A request's round trip measured ~0.1–0.3 ms under load (docs/security.md); more is a module slowing pings. */
    static final long MAX_IPC_NS = 2_000_000;
    static final long NOISE_NS = 1_000_000;
    static final double NOISE_FRACTION = 0.05;

    private RoundTripCheck() {
    }

    /** Why the samples are not to be trusted, or empty when they agree with the round trips. */
    public static Optional<String> disagreement(List<Long> samples, List<PacedLoop> loops, List<Long> pings) {
        if (loops.size() != samples.size()) {
            return Optional.of(samples.size() + " measured loops reported but " + loops.size()
                    + " paced by fink-perf (one request per module call)");
        }
        long ipc = ipcNs(pings);
        List<Long> gaps = new ArrayList<>();
        List<Long> allowed = new ArrayList<>();
        for (int i = 0; i < loops.size(); i++) {
            PacedLoop l = loops.get(i);
            if (l.calls() == 0) {
                return Optional.of("loop " + (i + 1) + " ran without a request from fink-perf");
            }
            if (l.driverNs() != samples.get(i)) {
                return Optional.of("loop " + (i + 1) + " reports " + samples.get(i) + " ns but its " + l.calls()
                        + " paced calls were answered with " + l.driverNs() + " ns");
            }
            if (l.maxOverNs() > 0) {
                return Optional.of(String.format(Locale.ROOT, "a call of loop %d reports %.3f ms more than the round"
                        + " trip that held it", i + 1, l.maxOverNs() / 1e6));
            }
            gaps.add(l.roundTripNs() - l.driverNs());
            allowed.add(allowance(l, ipc));
        }
        long gap = TimingCheck.median(gaps);
        long allow = TimingCheck.median(allowed);
        if (gap > allow) {
            return Optional.of(String.format(Locale.ROOT, "the module reports %.3f ms per loop but fink-perf timed"
                    + " %.3f ms of round trips (median of %d loops; allowed difference %.3f ms, empty request %.3f ms)",
                    TimingCheck.median(loops.stream().map(PacedLoop::driverNs).toList()) / 1e6,
                    TimingCheck.median(loops.stream().map(PacedLoop::roundTripNs).toList()) / 1e6,
                    loops.size(), allow / 1e6, ipc / 1e6));
        }
        return Optional.empty();
    }

    static long allowance(PacedLoop l, long ipcNs) {
        return l.calls() * ipcNs + NOISE_NS + Math.round(NOISE_FRACTION * l.roundTripNs());
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
