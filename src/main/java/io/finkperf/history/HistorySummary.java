package io.finkperf.history;

import java.util.List;
import java.util.Locale;

/** {@code summary.md}: one line per module and its steps, for a CI job summary. */
public final class HistorySummary {

    private HistorySummary() {
    }

    public static String markdown(List<ModuleSeries> all) {
        StringBuilder md = new StringBuilder("## fink-perf history\n\n");
        Measure measure = all.isEmpty() ? Measure.CALIBRATED : all.get(0).measure();
        md.append("| module | commits | latest (").append(measure.label()).append(") | since last release | steps |\n");
        md.append("|:--|--:|--:|--:|:--|\n");
        for (ModuleSeries s : all) {
            md.append("| `").append(s.module()).append("` | ").append(s.points().size()).append(" | ")
                    .append(s.latest() == null ? "—" : HistorySite.number(s.latest().value())).append(" | ")
                    .append(HistorySite.sinceRelease(s)).append(" | ").append(steps(s)).append(" |\n");
        }
        return md.toString();
    }

    private static String steps(ModuleSeries s) {
        if (s.steps().isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        for (ModuleSeries.ChangePoint c : s.steps()) {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(String.format(Locale.ROOT, "%s %+.1f %% at `%s` (confidence %.3f)",
                    c.step().changePercent() < 0 ? "🔻" : "🔺", c.step().changePercent(), c.range(), c.step().confidence()));
        }
        return out.toString();
    }
}
