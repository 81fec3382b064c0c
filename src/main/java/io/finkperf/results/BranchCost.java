package io.finkperf.results;

import java.util.Comparator;
import java.util.Optional;

/**
 * Where the cost goes by branch, from the line profile's hit counts: the costliest function the
 * author marked {@code @profile} (other than the entry), how many of the alerts reach it, its share
 * of the entry's time, and the cost of an alert that takes it next to the average:
 * {@code effective = average · ((1 − share) + share · alerts / calls)}.
 *
 * @param perAlert false when the function runs once per call rather than per alert (then the
 *                 fraction and the effective cost mean nothing and are left at the average)
 */
public record BranchCost(String function, long calls, long alerts, double fractionOfAlerts, double shareOfTime,
                         double averageNsPerAlert, double effectiveNsPerBranchAlert, boolean perAlert) {

    /** Empty without a line profile holding a marked function that ran. */
    public static Optional<BranchCost> of(LineProfile profile, long alerts, int chunks, double averageNsPerAlert) {
        if (profile == null || profile.functions().size() < 2 || alerts <= 0) {
            return Optional.empty();
        }
        FunctionProfile entry = profile.functions().get(0);
        Optional<FunctionProfile> costliest = profile.functions().stream().skip(1)
                .filter(f -> calls(f) > 0).max(Comparator.comparingLong(FunctionProfile::totalNs));
        if (costliest.isEmpty() || entry.totalNs() <= 0) {
            return Optional.empty();
        }
        FunctionProfile f = costliest.get();
        long calls = calls(f);
        double share = Math.min(1.0, (double) f.totalNs() / entry.totalNs());
        boolean perAlert = calls > chunks;
        double effective = perAlert
                ? averageNsPerAlert * ((1 - share) + share * alerts / (double) calls) : averageNsPerAlert;
        return Optional.of(new BranchCost(f.function(), calls, alerts, perAlert ? Math.min(1.0, calls / (double) alerts) : 1.0,
                share, averageNsPerAlert, effective, perAlert));
    }

    /** Hits of the first line that ran: it runs once per call. */
    static long calls(FunctionProfile f) {
        return f.lines().stream().filter(l -> l.hits() > 0).min(Comparator.comparingInt(LineStat::line))
                .map(LineStat::hits).orElse(0L);
    }
}
