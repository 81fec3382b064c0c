package io.finkperf.runner.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps a module's self-reported loop times only when they agree with what the JVM observed:
 * the result file must carry exactly the samples announced on the control channel, each loop's
 * samples must be the sum of its calls, and the calls' durations must match the intervals between
 * their start and end events as the kernel stamped them when sent, within the cost of an empty
 * event pair measured by the pings (plus 5 % and 1 ms for preemption on a loaded machine). Medians
 * over loops, so one preempted call does not flag an honest module.
 */
public final class TimingCheck {

    static final long MIN_IPC_NS = 20_000;
    static final long NOISE_NS = 1_000_000;
    static final double NOISE_FRACTION = 0.05;

    private TimingCheck() {
    }

    /** Why the reported samples are not to be trusted, or empty when they agree. */
    public static Optional<String> disagreement(List<Long> resultSamples, List<Long> channelSamples,
                                                List<ObservedLoop> loops, List<Long> pings) {
        Optional<String> files = samplesDisagreement(resultSamples, channelSamples);
        if (files.isPresent()) {
            return files;
        }
        if (loops.size() != channelSamples.size()) {
            return Optional.of(channelSamples.size() + " loops announced but " + loops.size() + " timed from outside");
        }
        for (int i = 0; i < loops.size(); i++) {
            if (loops.get(i).calls() == 0 || loops.get(i).reportedNs() != channelSamples.get(i)) {
                return Optional.of("loop " + (i + 1) + " reports " + channelSamples.get(i) + " ns but its "
                        + loops.get(i).calls() + " module calls sum to " + loops.get(i).reportedNs() + " ns");
            }
        }
        long ipc = ipcNs(pings);
        List<Long> gaps = new ArrayList<>();
        List<Long> allowed = new ArrayList<>();
        List<Long> observed = new ArrayList<>();
        List<Long> reported = new ArrayList<>();
        for (ObservedLoop l : loops) {
            gaps.add(l.observedNs() - l.reportedNs());
            allowed.add(allowance(l, ipc));
            observed.add(l.observedNs());
            reported.add(l.reportedNs());
        }
        long gap = median(gaps);
        long allow = median(allowed);
        if (Math.abs(gap) > allow) {
            return Optional.of(String.format(Locale.ROOT, "the module reports %.3f ms per loop but fink-perf observed"
                    + " %.3f ms (median of %d loops; allowed difference %.3f ms, event pair %.3f ms)",
                    median(reported) / 1e6, median(observed) / 1e6, loops.size(), allow / 1e6, ipc / 1e6));
        }
        return Optional.empty();
    }

    /** The result file must hold exactly the samples announced on the control channel. */
    public static Optional<String> samplesDisagreement(List<Long> resultSamples, List<Long> channelSamples) {
        if (!resultSamples.equals(channelSamples)) {
            return Optional.of("the result file's samples " + brief(resultSamples)
                    + " are not those announced on the control channel " + brief(channelSamples));
        }
        return Optional.empty();
    }

    /**
     * The CPU time a module reports for its calls cannot exceed what the kernel counted for the whole
     * driver process (the supervisor's wait4), beyond rounding: 10 ms and 1 %.
     */
    public static Optional<String> cpuDisagreement(double reportedS, double kernelS) {
        if (reportedS > kernelS * 1.01 + 0.010) {
            return Optional.of(String.format(Locale.ROOT, "the module reports %.3f s of CPU time but the kernel counted"
                    + " %.3f s for its whole process", reportedS, kernelS));
        }
        return Optional.empty();
    }

    static long allowance(ObservedLoop l, long ipcNs) {
        return l.calls() * 2L * ipcNs + NOISE_NS + Math.round(NOISE_FRACTION * l.observedNs());
    }

    /** The 90th percentile of the empty call pairs' intervals: what an event pair costs with nothing inside. */
    static long ipcNs(List<Long> pings) {
        if (pings.isEmpty()) {
            return 10 * MIN_IPC_NS;
        }
        List<Long> sorted = new ArrayList<>(pings);
        sorted.sort(null);
        long p90 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.9 * sorted.size()) - 1));
        return Math.max(MIN_IPC_NS, p90);
    }

    static long median(List<Long> xs) {
        List<Long> sorted = new ArrayList<>(xs);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String brief(List<Long> xs) {
        return xs.size() <= 6 ? xs.toString() : xs.subList(0, 6) + "… (" + xs.size() + ")";
    }
}
