package io.finkperf.report;

import io.finkperf.results.ComparisonStart;
import io.finkperf.results.Comparison;
import io.finkperf.results.ComparisonModule;
import io.finkperf.results.ComparisonSide;
import io.finkperf.results.ComparisonVerdict;
import io.finkperf.results.LineChange;
import io.finkperf.results.OutputComparison;
import io.finkperf.results.RatioEstimate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code compare.md}: GitHub Markdown for the job summary and the PR comment: one table of modules,
 * then per-module details with the lines that gained the most time. Kept under {@link #LIMIT}
 * characters (a PR comment holds 65 536): details are dropped from the end when it would not fit.
 */
public final class CompareMarkdown implements ComparisonWriter {

    public static final String FILE = "compare.md";
    public static final int LIMIT = 60_000;
    static final int TOP_LINES = 10;

    @Override
    public void write(Comparison c, Path dir) throws IOException {
        FormatWriter.writeText(dir, FILE, render(c));
    }

    public static String render(Comparison c) {
        StringBuilder out = new StringBuilder();
        out.append("## fink-perf compare: head against base\n\n");
        out.append(header(c)).append("\n\n");
        if (!c.interleaved()) {
            out.append("> **not interleaved: machine drift is not cancelled** (two earlier results files; no A/A noise "
                    + "floor; outputs compared by hash)\n\n");
        }
        List<ComparisonModule> changed = c.modules().stream().filter(ComparisonModule::outputChanged).toList();
        if (!changed.isEmpty()) {
            out.append("> [!CAUTION]\n> **Output changed** in ").append(changed.size()).append(" module(s): ");
            out.append(String.join(", ", changed.stream().map(m -> "`" + m.name() + "` (" + outputCell(m.output()) + ")")
                    .toList())).append(". Check the science before looking at speed.\n\n");
        }
        out.append("| module | head/base | 95 % interval | p | noise floor | verdict | output |\n");
        out.append("|:--|--:|:-:|--:|--:|:--|:--|\n");
        for (ComparisonModule m : c.modules()) {
            RatioEstimate t = m.time();
            out.append("| ").append(MarkdownText.code(m.name())).append(" | ")
                    .append(t == null ? "–" : ratio(t.ratio())).append(" | ")
                    .append(t == null ? "–" : ratio(t.low()) + " – " + ratio(t.high())).append(" | ")
                    .append(t == null ? "–" : p(t.pValue())).append(" | ")
                    .append(m.noiseFloor() == null ? "–" : String.format(Locale.ROOT, "±%.1f %%", 100 * m.noiseFloor()))
                    .append(" | ").append(verdictCell(m)).append(" | ").append(outputCell(m.output())).append(" |\n");
        }
        out.append('\n').append(legend(c)).append('\n');
        String tail = "\n<sub>fink-perf " + c.toolVersion() + " · compare.json holds every sample · method: "
                + "docs/compare.md</sub>\n";
        int dropped = 0;
        for (ComparisonModule m : c.modules()) {
            String d = details(m);
            if (out.length() + d.length() + tail.length() + 200 < LIMIT) {
                out.append(d);
            } else {
                dropped++;
            }
        }
        if (dropped > 0) {
            out.append("\n_").append(dropped).append(" module details left out to fit a PR comment: see compare.json "
                    + "and index.html._\n");
        }
        return out.append(tail).toString();
    }

    private static String header(Comparison c) {
        var s = c.settings();
        String how = c.interleaved()
                ? String.format(Locale.ROOT, "%d rounds of ≥ %d calls and ≥ %s per side, interleaved, A/A noise floor "
                + "measured", s.rounds(), s.callsPerRound(), Units.number(s.minRoundNs() / 1e6) + " ms")
                : "results files";
        String metric = "cpu".equals(s.metric()) ? "CPU time of the calling thread" : "wall time";
        return "base " + side(c.base()) + " · head " + side(c.head()) + " · " + s.nAlerts() + " alerts · " + how
                + " · judged on " + metric
                + " · threshold " + Units.number(100 * s.threshold()) + " % · p < " + Units.number(s.alpha())
                + (c.interleaved() ? " · runner " + s.runner() : "");
    }

    private static String side(ComparisonSide s) {
        if (s == null) {
            return "?";
        }
        String commit = s.commit() == null ? "" : " (" + s.commit().substring(0, Math.min(10, s.commit().length())) + ")";
        return MarkdownText.code(s.source()) + commit;
    }

    private static String legend(Comparison c) {
        return "<sub>head/base: ratio of " + ("cpu".equals(c.settings().metric()) ? "CPU" : "wall") + " time per alert (Hodges–Lehmann" + (c.interleaved() ? ", paired by round" : "")
                + "), above 1 is slower; slower/faster only when p < " + Units.number(c.settings().alpha())
                + " and the whole interval lies beyond ±" + Units.number(100 * c.settings().threshold()) + " %"
                + (c.interleaved() ? "; noise floor: how far base against a second base process reaches" : "")
                + ".</sub>\n";
    }

    static String verdictCell(ComparisonModule m) {
        String label = m.verdict().label();
        return switch (m.verdict()) {
            case SLOWER -> "🔴 **" + label + "**";
            case FASTER -> "🟢 " + label;
            case TOO_NOISY -> "⚪ " + label;
            case FAILED_ON_HEAD, FAILED_ON_BOTH -> "❌ **" + label + "**";
            case FAILED_ON_BASE, NEW_MODULE, REMOVED_MODULE, SKIPPED -> "➖ " + label;
            case UNCHANGED -> label;
        };
    }

    static String outputCell(OutputComparison o) {
        if (o == null) {
            return "–";
        }
        if (o.changed()) {
            return o.perAlert() ? "⚠️ **changed: " + o.nDiffer() + " of " + o.nAlerts() + " alerts**"
                    : "⚠️ **changed** (hash)";
        }
        if (OutputComparison.UNKNOWN.equals(o.verdict())) {
            return "unknown";
        }
        return o.perAlert() ? "same" : "same (hash)";
    }

    static String details(ComparisonModule m) {
        StringBuilder d = new StringBuilder();
        d.append("\n<details><summary><code>").append(HtmlText.escape(m.name())).append("</code>: ")
                .append(HtmlText.escape(m.verdict().label()));
        if (m.time() != null) {
            d.append(", head/base ").append(ratio(m.time().ratio()));
        }
        d.append("</summary>\n\n");
        if (m.error() != null) {
            d.append(MarkdownText.cell(m.error())).append("\n\n");
        }
        var s = m.samples();
        if (!s.baseWallNs().isEmpty() && !s.headWallNs().isEmpty() && m.nAlerts() > 0) {
            d.append(String.format(Locale.ROOT, "- wall time per alert: base %s, head %s%s\n",
                    perAlert(median(s.baseWallNs()), m.nAlerts()), perAlert(median(s.headWallNs()), m.nAlerts()),
                    interval(m.wall())));
        }
        if (!s.baseWallNs().isEmpty()) {
            d.append("- ").append(s.callsPerRound()).append(" calls per side and round, ")
                    .append(s.baseWallNs().size() / Math.max(1, s.callsPerRound())).append(" rounds")
                    .append(s.attempts() > 1 ? ", attempt " + s.attempts() + " (the earlier ones were too noisy)" : "")
                    .append('\n');
        }
        if (!s.baseCpuNs().isEmpty() && !s.headCpuNs().isEmpty() && m.nAlerts() > 0) {
            d.append(String.format(Locale.ROOT, "- CPU time per alert (%s): base %s, head %s%s\n",
                    s.cpuFromHost() ? "calling thread, read in /proc" : "as the driver reported it",
                    perAlert(median(s.baseCpuNs()), m.nAlerts()), perAlert(median(s.headCpuNs()), m.nAlerts()),
                    interval(m.cpu())));
        }
        if (m.baseStart() != null && m.headStart() != null) {
            d.append(coldStart(m.baseStart(), m.headStart()));
        }
        OutputComparison o = m.output();
        if (o != null && o.changed()) {
            d.append(outputDetails(o));
        } else if (o != null && o.note() != null) {
            d.append("- output: ").append(MarkdownText.cell(o.note())).append('\n');
        }
        List<LineChange> top = m.lines().stream().filter(l -> l.gainedNs() > 0 && !l.nested()).limit(TOP_LINES).toList();
        if (!top.isEmpty()) {
            d.append("\nLines that gained the most time (fastest of 5 line-profiled passes per side; calls of "
                    + "profiled functions left out, their lines count):\n\n");
            d.append("| line base → head | source | time/hit base → head | hits base → head | share of module |\n");
            d.append("|:--|:--|--:|--:|--:|\n");
            for (LineChange l : top) {
                d.append("| ").append(lineNo(l.baseLine())).append(" → ").append(lineNo(l.headLine())).append(" | ")
                        .append(l.baseSource() == null ? "" : "~~" + MarkdownText.code(l.baseSource().strip()) + "~~ → ")
                        .append(MarkdownText.code(l.source().strip())).append(" | ")
                        .append(perHit(l.baseHits(), l.basePerHitNs())).append(" → ")
                        .append(perHit(l.headHits(), l.headPerHitNs())).append(" | ")
                        .append(l.baseHits()).append(" → ").append(l.headHits()).append(" | ")
                        .append(String.format(Locale.ROOT, "%.1f → %.1f %%", 100 * l.baseShare(), 100 * l.headShare()))
                        .append(" |\n");
            }
        }
        return d.append("\n</details>\n").toString();
    }

    private static String coldStart(ComparisonStart b, ComparisonStart h) {
        return String.format(Locale.ROOT, "- cold start: import %s → %s, first call %s → %s; peak RSS %s → %s\n",
                secs(b.importNs()), secs(h.importNs()), secs(b.firstCallNs()), secs(h.firstCallNs()),
                Units.mib(b.peakRssBytes()), Units.mib(h.peakRssBytes()));
    }

    private static String outputDetails(OutputComparison o) {
        StringBuilder d = new StringBuilder();
        if (o.perAlert()) {
            d.append(String.format(Locale.ROOT, "- **output changed for %d of %d alerts**; largest difference %.6g "
                    + "(relative %.3g)\n", o.nDiffer(), o.nAlerts(), o.maxAbsDiff(), o.maxRelDiff()));
            d.append("\n| alert | objectId | base | head |\n|--:|:--|:--|:--|\n");
            for (OutputComparison.OutputExample e : o.examples()) {
                d.append("| ").append(e.row()).append(" | ").append(MarkdownText.code(e.objectId())).append(" | ")
                        .append(MarkdownText.code(e.base())).append(" | ").append(MarkdownText.code(e.head()))
                        .append(" |\n");
            }
        } else {
            d.append("- **output changed** (sha256 ").append(shortHash(o.baseHash())).append(" → ")
                    .append(shortHash(o.headHash())).append(")").append(o.note() == null ? ""
                            : ": " + MarkdownText.cell(o.note())).append('\n');
        }
        return d.toString();
    }

    private static String interval(RatioEstimate r) {
        return r == null ? "" : String.format(Locale.ROOT, "; head/base %s [%s – %s]", ratio(r.ratio()), ratio(r.low()),
                ratio(r.high()));
    }

    private static String perHit(long hits, double ns) {
        return hits == 0 ? "–" : nanos(ns);
    }

    private static String secs(long ns) {
        return ns < 0 ? "–" : Units.seconds(ns / 1e9);
    }

    private static String shortHash(String h) {
        return h == null ? "?" : h.substring(0, Math.min(12, h.length()));
    }

    private static String lineNo(Integer n) {
        return n == null ? "–" : n.toString();
    }

    static String ratio(double r) {
        return Double.isNaN(r) ? "–" : String.format(Locale.ROOT, "%.3f", r);
    }

    static String p(double p) {
        return Double.isNaN(p) ? "–" : p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }

    static double median(List<Long> v) {
        double[] s = v.stream().mapToDouble(Long::doubleValue).sorted().toArray();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static String perAlert(double ns, long nAlerts) {
        return nanos(ns / nAlerts);
    }

    static String nanos(double ns) {
        if (ns >= 1e9) {
            return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
        }
        if (ns >= 1e6) {
            return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
        }
        if (ns >= 1e3) {
            return String.format(Locale.ROOT, "%.1f µs", ns / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f ns", ns);
    }

    static boolean isRed(ComparisonVerdict v) {
        return v == ComparisonVerdict.SLOWER || v == ComparisonVerdict.FAILED_ON_HEAD || v == ComparisonVerdict.FAILED_ON_BOTH;
    }
}
