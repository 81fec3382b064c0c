package io.finkperf.report;

import io.finkperf.results.BranchCost;
import io.finkperf.results.LengthFit;
import io.finkperf.results.LengthRun;
import io.finkperf.results.NightCost;
import io.finkperf.results.RunResults;
import io.finkperf.results.ScaleReport;
import io.finkperf.results.ScaleResult;
import io.finkperf.results.ScaleTiming;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** {@code scale.md}: the night table (costliest first, with the total), then the cost model of each module. */
public final class ScaleMarkdown implements ReportWriter {

    public static final String FILE = "scale.md";

    @Override
    public void write(RunResults results, Path dir) throws IOException {
        if (results.scale() == null) {
            return;
        }
        FormatWriter.writeText(dir, FILE, markdown(results.scale()));
    }

    public static String markdown(ScaleReport r) {
        StringBuilder md = new StringBuilder("## What a night costs\n\n").append(table(r)).append('\n');
        md.append(model(r));
        return md.toString();
    }

    /** The night table with its total line. */
    public static String table(ScaleReport r) {
        if (r == null) {
            return "";
        }
        var s = r.settings();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%,.0f alerts a night (%s), %,d alerts per call, %d cores; energy: CPU time × %.2f W/core "
                + "(%s) × PUE %.2f, %.0f gCO2eq/kWh%n%n", s.alertsPerNight(), s.survey(), s.brokerBatch(), s.cores(),
                s.wattsPerCore(), s.energyMethod(), s.pue(), s.gramsCo2PerKWh()));
        md.append("| module | a (ms/call) | b (µs/alert) | alerts/s/core | core-seconds | share of the night | wall on ")
                .append(s.cores()).append(" cores | share of 1 s budget | share of 2 s budget | energy (Wh) | g CO2eq |\n");
        md.append("|:--|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        var t = r.total();
        for (ScaleResult m : r.byNightCost()) {
            NightCost n = m.night();
            md.append(String.format(Locale.ROOT, "| `%s` | %.3f | %.2f | %s | %s | %s | %s | %s | %s | %s | %s |%n", m.module(),
                    m.costFit().aNs() / 1e6, m.costFit().bNs() / 1e3, Units.rate(n.alertsPerSecondPerCore()),
                    sig(n.coreSeconds()), pct(t.coreHours() > 0 ? 100 * n.coreHours() / t.coreHours() : 0),
                    Units.seconds(n.wallSecondsOnCores()), pct(100 * n.shareOfOneSecondBudget()),
                    pct(100 * n.shareOfTwoSecondBudget()), sig(n.energyKWh() * 1000), sig(n.co2Kg() * 1000)));
        }
        double one = r.byNightCost().stream().mapToDouble(m -> m.night().shareOfOneSecondBudget()).sum();
        double two = r.byNightCost().stream().mapToDouble(m -> m.night().shareOfTwoSecondBudget()).sum();
        md.append(String.format(Locale.ROOT, "| **total** | | | | **%s** | 100 %% | %s | %s | %s | **%s** | **%s** |%n",
                sig(t.coreHours() * 3600), Units.seconds(t.wallHoursOnCores() * 3600), pct(100 * one), pct(100 * two),
                sig(t.energyKWh() * 1000), sig(t.co2Kg() * 1000)));
        md.append(String.format(Locale.ROOT, "%nThe whole science pipeline needs %s core-hours a night.%n", sig(t.coreHours())));
        r.modules().stream().filter(m -> !m.ok()).forEach(m ->
                md.append("\n`").append(m.module()).append("`: ").append(m.status()).append(" — ").append(m.message()).append('\n'));
        return md.toString();
    }

    static String model(ScaleReport r) {
        StringBuilder md = new StringBuilder("## How the cost grows\n\n");
        md.append("| module | a (ms/call) [95 %] | b (µs/alert) [95 %] | fixed < 10 % from N = | worst residual | "
                + "t ∝ length^k | local k | cold − warm (s) | import (s) | memory per alert | costly branch |\n");
        md.append("|:--|--:|--:|--:|--:|--:|--:|--:|--:|--:|:--|\n");
        for (ScaleResult m : r.modules()) {
            if (!m.ok()) {
                continue;
            }
            var f = m.costFit();
            double worst = f.relativeResiduals().stream().mapToDouble(Math::abs).max().orElse(0);
            LengthFit l = m.lengthFit();
            String k = m.historyColumn() == null ? "no light curve" : l == null ? "-"
                    : l.flat() ? "flat" : String.format(Locale.ROOT, "%.2f", l.exponent());
            BranchCost b = m.branch();
            String branch = b == null ? "-" : b.perAlert()
                    ? String.format(Locale.ROOT, "`%s` for %d of %d alerts (%s of the time): %.1f µs per such alert vs %.1f on average",
                    b.function(), b.calls(), b.alerts(), pct(100 * b.shareOfTime()), b.effectiveNsPerBranchAlert() / 1e3,
                    b.averageNsPerAlert() / 1e3)
                    : String.format(Locale.ROOT, "`%s` once per call (%s of the time)", b.function(), pct(100 * b.shareOfTime()));
            md.append(String.format(Locale.ROOT, "| `%s` | %.3f [%.3f–%.3f] | %.2f [%.2f–%.2f] | %s | %s | %s | %s | %.3f | %.3f | %s | %s |%n",
                    m.module(), f.aNs() / 1e6, f.aInterval95()[0] / 1e6, f.aInterval95()[1] / 1e6, f.bNs() / 1e3,
                    f.bInterval95()[0] / 1e3, f.bInterval95()[1] / 1e3,
                    f.fixedUnderTenPercentAt() == null ? "-" : String.format(Locale.ROOT, "%,d", f.fixedUnderTenPercentAt()),
                    pct(100 * worst), k, l == null ? "-" : String.format(Locale.ROOT, "%.2f", l.localExponent()),
                    m.cold().coldExtraNs() / 1e9, m.cold().importNs() / 1e9,
                    m.memory() == null ? "-" : String.format(Locale.ROOT, "%.0f B", m.memory().bytesPerAlert()), branch));
        }
        md.append("\nPer module: CPU time per alert (the fixed cost per call taken off) at each light-curve length, "
                + "on the data's own alerts by length bin, projected; peak memory of a call\n\n");
        for (ScaleResult m : r.modules()) {
            if (!m.ok()) {
                continue;
            }
            md.append("- `").append(m.module()).append("`: ");
            LengthFit l = m.lengthFit();
            if (l != null) {
                for (int i = 0; i < l.lengths().size(); i++) {
                    md.append(String.format(Locale.ROOT, "%s%.0f pts %s", i == 0 ? "" : ", ", l.lengths().get(i),
                            Units.seconds(l.perAlertNs().get(i) / 1e9)));
                }
                md.append("; data:");
                for (LengthRun b : m.realBins()) {
                    md.append(String.format(Locale.ROOT, " %d–%d pts (%d alerts) %s,", b.lo(), b.hi(), b.dataAlerts(),
                            Units.seconds(b.perAlertNs(m.costFit().aNs()) / 1e9)));
                }
                for (LengthFit.Projection p : l.projections()) {
                    md.append(String.format(Locale.ROOT, " projected %,d pts %s (%s alerts/s/core),", p.length(),
                            Units.seconds(p.perAlertNs() / 1e9), Units.rate(p.alertsPerSecondPerCore())));
                }
            } else if (m.historyColumn() == null) {
                md.append("takes no light curve;");
            }
            if (m.memory() != null) {
                md.append(String.format(Locale.ROOT, " memory %s per call + %s per alert, highest peak %s above the idle interpreter",
                        bytes(m.memory().bytesPerCall()), bytes(m.memory().bytesPerAlert()),
                        bytes(m.memory().maxPeakAboveIdleBytes())));
            }
            md.append('\n');
        }
        md.append(timing(r));
        return md.toString();
    }

    /** Who timed each module's calls, and how many of its figures are fink-perf's rather than the driver's. */
    static String timing(ScaleReport r) {
        StringBuilder md = new StringBuilder("\nWho timed the calls: fink-perf requested every module call and timed its round trip; "
                + "the supervisor read the driver's CPU time over each call in /proc. The driver's figures are kept where they "
                + "agree with both, else fink-perf's are used (docs/security.md).\n\n");
        for (ScaleResult m : r.modules()) {
            if (!m.ok()) {
                continue;
            }
            ScaleTiming t = m.timing();
            md.append("- `").append(m.module()).append("`: ");
            if (t == null) {
                md.append("the driver's own figures, not checked (a results file of an earlier version)\n");
                continue;
            }
            md.append(String.format(Locale.ROOT, "%,d calls timed by fink-perf (empty requests, 90th percentile: %s), ", t.calls(),
                    Units.seconds(t.ipcNs() / 1e9)));
            md.append(t.fromJvm() == 0 ? "every figure the driver's"
                    : String.format(Locale.ROOT, "%d figure%s fink-perf's", t.fromJvm(), t.fromJvm() == 1 ? "" : "s"));
            md.append(t.cpuVisible() ? "\n" : "; CPU time not readable in /proc: the driver's CPU figures stand unchecked\n");
        }
        return md.toString();
    }

    /** Three significant digits, without exponent: 0.00123, 1.23, 1230. */
    static String sig(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(v))));
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private static String bytes(double b) {
        double a = Math.abs(b);
        return a >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MiB", b / (1 << 20))
                : a >= 1 << 10 ? String.format(Locale.ROOT, "%.1f KiB", b / (1 << 10)) : String.format(Locale.ROOT, "%.0f B", b);
    }

    private static String pct(double p) {
        return Units.percent(p) + " %";
    }
}
