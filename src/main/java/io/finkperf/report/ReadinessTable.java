package io.finkperf.report;

import io.finkperf.results.ModuleReadiness;
import io.finkperf.results.Readiness;
import java.util.Locale;

/** The table {@code check} prints and {@code profile} shows before running: module → runnable, or all it misses. */
public final class ReadinessTable {

    private ReadinessTable() {
    }

    private static String why(ModuleReadiness m) {
        return switch (m.verdict()) {
            case RUNNABLE -> "";
            case NEEDS_NETWORK -> "not run with --offline";
            default -> m.summary();
        };
    }

    public static String text(Readiness r) {
        int width = Math.max(6, r.modules().stream().mapToInt(m -> m.module().length()).max().orElse(6));
        String row = "%-" + width + "s  %-13s  %s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, row, "module", "status", "missing / why"));
        for (ModuleReadiness m : r.modules()) {
            out.append(String.format(Locale.ROOT, row, m.module(), m.status(),
                    why(m)).stripTrailing()).append('\n');
        }
        long cannot = r.modules().size() - r.runnableCount();
        out.append(String.format(Locale.ROOT, "%d of %d modules can run%s (runner %s%s)", r.runnableCount(),
                r.modules().size(), cannot == 0 ? "" : "; " + cannot + " cannot", r.runner(),
                r.offline() ? ", offline" : ""));
        return out.toString();
    }
}
