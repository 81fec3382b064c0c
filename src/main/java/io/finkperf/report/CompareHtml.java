package io.finkperf.report;

import io.finkperf.results.Comparison;
import io.finkperf.results.ComparisonModule;
import io.finkperf.results.LineChange;
import io.finkperf.results.OutputComparison;
import io.finkperf.results.RatioEstimate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * {@code index.html} of a comparison folder: one self-contained page with the chart, the sortable
 * table of modules, and per module its output diff and every aligned line of both line profiles.
 */
public final class CompareHtml implements ComparisonWriter {

    public static final String FILE = "index.html";

    @Override
    public void write(Comparison c, Path dir) throws IOException {
        FormatWriter.writeText(dir, FILE, render(c));
    }

    public static String render(Comparison c) {
        StringBuilder out = new StringBuilder(64 * 1024);
        String title = "fink-perf compare: " + c.head().source() + " against " + c.base().source();
        out.append("<h1>").append(esc(title)).append("</h1>\n");
        if (!c.interleaved()) {
            out.append("<p class=\"note\"><strong>Not interleaved: machine drift is not cancelled</strong> (two earlier "
                    + "results files).</p>\n");
        }
        out.append("<nav><a href=\"#comparison\">Comparison</a><a href=\"#lines\">Line diffs</a>")
                .append("<a href=\"compare.json\">compare.json</a><a href=\"compare.md\">compare.md</a></nav>\n");
        out.append("<h2 id=\"comparison\">Comparison</h2>\n");
        out.append("<p><img class=\"chart\" alt=\"head/base per module with intervals and noise bands\" ")
                .append("src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(CompareChart.png(c)))
                .append("\"></p>\n");
        out.append("<div class=\"wide\"><table class=\"sortable modules\">\n<thead><tr><th>module</th>")
                .append("<th class=\"num\">head/base</th><th class=\"num\">low</th><th class=\"num\">high</th>")
                .append("<th class=\"num\">p</th><th class=\"num\">noise floor</th><th>verdict</th>")
                .append("<th class=\"num\">wall head/base</th><th>output</th></tr></thead>\n<tbody>\n");
        for (ComparisonModule m : c.modules()) {
            RatioEstimate t = m.time();
            out.append("<tr").append(CompareMarkdown.isRed(m.verdict()) || m.outputChanged() ? " class=\"failed\"" : "")
                    .append("><td><a href=\"#").append(anchor(m)).append("\"><code>").append(esc(m.name()))
                    .append("</code></a></td>");
            num(out, t == null ? Double.NaN : t.ratio(), "%.3f");
            num(out, t == null ? Double.NaN : t.low(), "%.3f");
            num(out, t == null ? Double.NaN : t.high(), "%.3f");
            num(out, t == null ? Double.NaN : t.pValue(), "%.3g");
            num(out, m.noiseFloor() == null ? Double.NaN : 100 * m.noiseFloor(), "±%.1f %%");
            out.append("<td>").append(esc(m.verdict().label())).append(m.error() == null ? ""
                    : ": " + esc(Units.oneLine(m.error(), 200))).append("</td>");
            num(out, m.wall() == null ? Double.NaN : m.wall().ratio(), "%.3f");
            out.append("<td>").append(esc(output(m.output()))).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
        out.append("<h2 id=\"lines\">Line diffs</h2>\n<p class=\"note\">Each line: its fastest of 5 "
                + "line-profiled passes per side, taken in turn; lines aligned by their source text; the most "
                + "time gained first (lines calling a profiled function after the others).</p>\n");
        for (ComparisonModule m : c.modules()) {
            module(out, m);
        }
        return HtmlReport.page(title, out.toString());
    }

    private static void module(StringBuilder out, ComparisonModule m) {
        out.append("<h3 id=\"").append(anchor(m)).append("\"><code>").append(esc(m.name())).append("</code>: ")
                .append(esc(ComparisonText.describe(m))).append("</h3>\n");
        OutputComparison o = m.output();
        if (o != null && o.changed() && !o.examples().isEmpty()) {
            out.append("<table><thead><tr><th>alert</th><th>objectId</th><th>base</th><th>head</th></tr></thead><tbody>\n");
            for (OutputComparison.OutputExample e : o.examples()) {
                out.append("<tr><td>").append(e.row()).append("</td><td><code>").append(esc(e.objectId()))
                        .append("</code></td><td>").append(esc(e.base())).append("</td><td>").append(esc(e.head()))
                        .append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        if (m.lines().isEmpty()) {
            return;
        }
        out.append("<details><summary>").append(m.lines().size()).append(" lines</summary>\n")
                .append("<div class=\"wide\"><table class=\"sortable\"><thead><tr><th>function</th>")
                .append("<th class=\"num\">line base</th><th class=\"num\">line head</th><th>source</th>")
                .append("<th class=\"num\">gained</th><th class=\"num\">per hit base</th><th class=\"num\">per hit head</th>")
                .append("<th class=\"num\">hits base</th><th class=\"num\">hits head</th>")
                .append("<th class=\"num\">share base</th><th class=\"num\">share head</th></tr></thead><tbody>\n");
        for (LineChange l : m.lines()) {
            out.append("<tr><td><code>").append(esc(l.function())).append("</code></td>");
            num(out, l.baseLine() == null ? Double.NaN : l.baseLine(), "%.0f");
            num(out, l.headLine() == null ? Double.NaN : l.headLine(), "%.0f");
            out.append("<td><pre>").append(l.baseSource() == null ? "" : "<del>" + esc(l.baseSource().strip()) + "</del>\n")
                    .append(esc(l.source())).append("</pre></td>");
            numText(out, l.gainedNs(), CompareMarkdown.nanos(Math.abs(l.gainedNs())) + (l.gainedNs() < 0 ? " less" : ""));
            numText(out, l.basePerHitNs(), l.baseHits() == 0 ? "–" : CompareMarkdown.nanos(l.basePerHitNs()));
            numText(out, l.headPerHitNs(), l.headHits() == 0 ? "–" : CompareMarkdown.nanos(l.headPerHitNs()));
            num(out, l.baseHits(), "%.0f");
            num(out, l.headHits(), "%.0f");
            num(out, 100 * l.baseShare(), "%.1f %%");
            num(out, 100 * l.headShare(), "%.1f %%");
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div></details>\n");
    }

    private static String output(OutputComparison o) {
        if (o == null) {
            return "–";
        }
        if (o.changed() && o.perAlert()) {
            return "CHANGED: " + o.nDiffer() + " of " + o.nAlerts() + " alerts";
        }
        return o.changed() ? "CHANGED (hash)" : o.verdict();
    }

    private static void num(StringBuilder out, double v, String format) {
        numText(out, v, Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v));
    }

    private static void numText(StringBuilder out, double v, String text) {
        out.append("<td class=\"num\" data-value=\"").append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v))
                .append("\">").append(esc(text)).append("</td>");
    }

    private static String anchor(ComparisonModule m) {
        return "m-" + m.name().replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static String esc(String s) {
        return HtmlText.escape(s);
    }
}
