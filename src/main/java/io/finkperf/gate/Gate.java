package io.finkperf.gate;

import io.finkperf.results.ModuleResult;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.RunResults;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Supplier;

/** Decides whether a finished run passes, as {@link FailOn} says: the CI step that fails a job. */
public final class Gate {

    private Gate() {
    }

    /**
     * @param profileExit the exit code of the profile run that wrote {@code results}; empty when it did not
     *                    run; null when unknown (then failures are read from the results)
     * @param results     the run's results, read only when needed; null when there is no results file
     */
    public static Verdict judge(FailOn failOn, OptionalInt profileExit, Supplier<RunResults> results) {
        if (failOn.kind() == FailOn.Kind.NEVER) {
            return Verdict.pass("fail-on never (profile exit code "
                    + (profileExit == null || profileExit.isEmpty() ? "none" : profileExit.getAsInt()) + ")");
        }
        if (profileExit != null && profileExit.isEmpty()) {
            return new Verdict(Verdict.Outcome.NOT_RUN, "profiling did not run", 0, null);
        }
        if (profileExit != null && profileExit.getAsInt() != 0) {
            return new Verdict(Verdict.Outcome.PROFILE_FAILED, "fink-perf profile failed with exit code "
                    + profileExit.getAsInt(), profileExit.getAsInt(), null);
        }
        if (profileExit != null && failOn.kind() == FailOn.Kind.ERROR) {
            return Verdict.pass("profile succeeded");
        }
        RunResults run = results.get();
        if (run == null) {
            return new Verdict(Verdict.Outcome.NOT_RUN, "no results file: profiling did not run", 0, null);
        }
        if (profileExit == null) {
            for (ModuleResult m : run.modules()) {
                if (m.status().failed()) {
                    return new Verdict(Verdict.Outcome.MODULE_FAILED, "module '" + m.name() + "' failed: "
                            + m.status().name().toLowerCase(Locale.ROOT)
                            + (m.error() == null ? "" : " (" + m.error().message() + ")"), 0, m);
                }
            }
        }
        return failOn.kind() == FailOn.Kind.MIN_THROUGHPUT ? throughput(run, failOn) : Verdict.pass("no module failed");
    }

    private static Verdict throughput(RunResults run, FailOn failOn) {
        List<String> slow = run.modules().stream()
                .filter(m -> m.status() == ModuleStatus.OK && m.throughputStats() != null
                        && m.throughputStats().mean() < failOn.limit())
                .map(m -> m.name() + " (" + oneDecimal(m.throughputStats().mean()) + ")")
                .toList();
        if (!slow.isEmpty()) {
            return new Verdict(Verdict.Outcome.TOO_SLOW, "below min-throughput " + failOn.limitText()
                    + " alerts/s/core: " + String.join(", ", slow), 0, null);
        }
        return Verdict.pass("every module is at or above " + failOn.limitText() + " alerts/s/core");
    }

    /** 12.34 → 12.3, 12.0 → 12: as the Action's summary prints means. */
    static String oneDecimal(double v) {
        return BigDecimal.valueOf(Math.round(v * 10) / 10.0).stripTrailingZeros().toPlainString();
    }
}
