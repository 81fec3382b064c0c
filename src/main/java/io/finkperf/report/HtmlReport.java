package io.finkperf.report;

import io.finkperf.results.Environment;
import io.finkperf.results.FunctionProfile;
import io.finkperf.results.LineStat;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.RunConfig;
import io.finkperf.results.RunResults;
import io.finkperf.results.SampleStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * {@code index.html}: one self-contained page (charts as data URIs, CSS and JS inlined, nothing
 * fetched) with the overview chart, a sortable module table, each module's line profile with
 * heat-coloured lines, and the environment. Every text from results is escaped.
 */
public final class HtmlReport implements ReportWriter {

    public static final String FILE = "index.html";

    @Override
    public void write(RunResults results, Path dir) throws IOException {
        FormatWriter.writeText(dir, FILE, render(results));
    }

    public static String render(RunResults r) {
        StringBuilder out = new StringBuilder(64 * 1024);
        String title = "fink-perf: " + RunTitle.withDate(r);
        out.append("<h1>").append(esc(title)).append("</h1>\n");
        out.append("<p class=\"run\">").append(esc(runLine(r))).append("</p>\n");
        out.append("<nav><a href=\"#modules\">Modules</a>")
                .append(EnergyChart.estimates(r).isEmpty() ? "" : "<a href=\"#energy\">Energy</a>")
                .append(SparkExtras.modules(r).isEmpty() ? "" : "<a href=\"#spark\">Spark</a>")
                .append(ScaleCharts.hasCharts(r.scale()) ? "<a href=\"#scale\">Cost model</a>" : "")
                .append("<a href=\"#profiles\">Line profiles</a>")
                .append("<a href=\"#environment\">Environment</a><a href=\"results.json\">results.json</a>")
                .append("<a href=\"summary.md\">summary.md</a></nav>\n");
        out.append("<h2 id=\"overview\">Throughput</h2>\n");
        img(out, Charts.png(ThroughputChart.render(r)), "Throughput per module, alerts per second per core, log scale");
        modules(out, r);
        if (!EnergyChart.estimates(r).isEmpty()) {
            out.append("<h2 id=\"energy\">Energy and CO2</h2>\n");
            img(out, Charts.png(EnergyChart.render(r)), "Energy per 1 000 alerts and CO2 per year, per module");
        }
        if (!SparkExtras.modules(r).isEmpty()) {
            out.append("<h2 id=\"spark\">Spark mode vs direct</h2>\n");
            img(out, Charts.png(SparkDecompositionChart.render(r)), "Where the Spark wall time goes, per module");
            out.append("<p><a href=\"").append(SparkDecompositionMarkdown.FILE).append("\">")
                    .append(SparkDecompositionMarkdown.FILE).append("</a>: the parts, in ms per loop</p>\n");
        }
        if (ScaleCharts.hasCharts(r.scale())) {
            var total = r.scale().total();
            out.append("<h2 id=\"scale\">Cost model and what a night costs</h2>\n<p>")
                    .append(esc(String.format(java.util.Locale.ROOT, "The whole science pipeline needs %s core-hours a night "
                            + "(%,.0f alerts). Tables: ", ScaleMarkdown.sig(total.coreHours()), r.scale().settings().alertsPerNight())))
                    .append("<a href=\"").append(ScaleMarkdown.FILE).append("\">").append(ScaleMarkdown.FILE).append("</a></p>\n");
            img(out, Charts.png(ScaleCharts.night(r.scale()).createBufferedImage(1000, 300)), "Share of the night per module");
            img(out, Charts.png(ScaleCharts.cost(r.scale()).createBufferedImage(1000, 640)), "Cost per call against batch size");
            img(out, Charts.png(ScaleCharts.length(r.scale()).createBufferedImage(1000, 640)),
                    "Cost per alert against light-curve length");
        }
        profiles(out, r);
        environment(out, r);
        return page(title, out.toString());
    }

    /** The page template of {@code static/report.html} around a rendered body, CSS and JS inlined. */
    static String page(String title, String body) {
        return resource("report.html").replace("{{title}}", esc(title)).replace("{{css}}", resource("report.css"))
                .replace("{{js}}", resource("report.js")).replace("{{body}}", body);
    }

    private static String runLine(RunResults r) {
        RunConfig c = r.config();
        long n = r.modules().stream().mapToLong(ModuleResult::nAlerts).max().orElse(0);
        String s = r.modules().size() + " modules on " + n + " alerts";
        if (c != null) {
            s += ", " + c.warmup() + " warm-up + " + c.loops() + " measured loops, runner " + c.runner();
        }
        if (r.startedAt() != null) {
            s += " · started " + r.startedAt() + (r.finishedAt() == null ? "" : ", finished " + r.finishedAt());
        }
        return s;
    }

    private static void modules(StringBuilder out, RunResults r) {
        out.append("<h2 id=\"modules\">Modules</h2>\n");
        out.append("<p class=\"note\">Alerts per second per core over the measured loops. An exposure brings "
                + "~600 ZTF alerts: 1 s per exposure on 8 cores needs ≥ 75 alerts/s/core, 2 s needs ≥ 37.5. "
                + "Click a header to sort.</p>\n");
        out.append("<div class=\"wide\"><table class=\"sortable modules\">\n<thead><tr><th>module</th><th>type</th>")
                .append("<th class=\"num\">mean alerts/s/core</th><th class=\"num\">± std</th>")
                .append("<th class=\"num\">median</th><th class=\"num\">loop time (median)</th>")
                .append("<th>1 s/exposure</th><th>2 s/exposure</th><th class=\"num\">peak RSS</th>")
                .append("<th class=\"num\">import</th><th>status</th></tr></thead>\n<tbody>\n");
        for (ModuleResult m : r.modules()) {
            SampleStats t = m.throughputStats();
            boolean measured = m.ok() && t.n() > 0;
            out.append("<tr").append(m.ok() ? "" : " class=\"failed\"").append(" data-module=\"")
                    .append(esc(m.name())).append("\">");
            out.append("<td><a href=\"#").append(anchor(m)).append("\"><code>").append(esc(m.name()))
                    .append("</code></a></td>");
            out.append("<td class=\"type\" data-value=\"").append(esc(m.type())).append("\"><span class=\"swatch\" style=\"background:")
                    .append(TypeColors.hex(m.type())).append("\"></span>").append(esc(m.type())).append("</td>");
            num(out, measured ? t.mean() : Double.NaN, measured ? Units.rate(t.mean()) : "–");
            num(out, measured ? t.std() : Double.NaN, measured ? Units.rate(t.std()) : "–");
            num(out, measured ? t.median() : Double.NaN, measured ? Units.rate(t.median()) : "–");
            SampleStats time = m.timeStats();
            num(out, time.n() > 0 ? time.median() : Double.NaN, Units.seconds(time.median()));
            for (ExposureBudget b : ExposureBudget.ALL) {
                boolean met = measured && b.met(t.mean());
                out.append("<td data-value=\"").append(measured ? (met ? "1" : "0") : "").append("\" class=\"")
                        .append(measured ? (met ? "yes" : "no") : "").append("\">")
                        .append(measured ? (met ? "✓" : "✗") : "–").append("</td>");
            }
            num(out, m.peakRssBytes() > 0 ? m.peakRssBytes() : Double.NaN, Units.mib(m.peakRssBytes()));
            num(out, m.importNs() > 0 ? m.importNs() / 1e9 : Double.NaN,
                    m.importNs() > 0 ? Units.seconds(m.importNs() / 1e9) : "–");
            out.append("<td class=\"status\">").append(m.ok() ? "ok" : "<span class=\"failed\">" + esc(Units.status(m)) + "</span>")
                    .append(m.error() == null ? "" : ": " + esc(Units.oneLine(m.error().message(), 200)))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
    }

    private static void num(StringBuilder out, double sortValue, String text) {
        out.append("<td class=\"num\" data-value=\"")
                .append(Double.isNaN(sortValue) ? "" : String.format(Locale.ROOT, "%.6g", sortValue)).append("\">")
                .append(esc(text)).append("</td>");
    }

    private static void profiles(StringBuilder out, RunResults r) {
        out.append("<h2 id=\"profiles\">Line profiles</h2>\n");
        for (ModuleResult m : r.modules()) {
            out.append("<section class=\"module\" id=\"").append(anchor(m)).append("\">\n<h3><code>")
                    .append(esc(m.name())).append("</code> <span class=\"note\">").append(esc(m.entry()))
                    .append("</span></h3>\n");
            if (m.error() != null) {
                out.append("<p class=\"failed\">").append(esc(Units.status(m))).append(": ")
                        .append(esc(m.error().message())).append("</p>\n");
                if (m.error().traceback() != null && !m.error().traceback().isBlank()) {
                    out.append("<details><summary>traceback</summary><pre class=\"error\">")
                            .append(esc(m.error().traceback())).append("</pre></details>\n");
                }
            }
            if (!LineProfileChart.hasProfile(m)) {
                out.append("<p class=\"note\">No line profile.</p>\n</section>\n");
                continue;
            }
            img(out, Charts.png(LineProfileChart.render(m)), "Hottest lines of " + m.name());
            long total = m.lineProfile().functions().get(0).totalNs();
            boolean first = true;
            for (FunctionProfile f : m.lineProfile().functions()) {
                function(out, f, total, first);
                first = false;
            }
            out.append("<p class=\"note\">Text version: <a href=\"").append(esc(LineProfileText.fileName(m.name())))
                    .append("\">").append(esc(LineProfileText.fileName(m.name()))).append("</a></p>\n</section>\n");
        }
    }

    /** Every line of the function; % of the profiled call (the entry function's total), heat-coloured. */
    private static void function(StringBuilder out, FunctionProfile f, long total, boolean open) {
        out.append("<details class=\"fn\"").append(open ? " open" : "").append("><summary><code>")
                .append(esc(f.function())).append("</code> in <code>").append(esc(f.file())).append("</code>, line ")
                .append(f.firstLine()).append(" · ").append(esc(Units.seconds(f.totalNs() / 1e9)))
                .append("</summary>\n<table class=\"profile\">\n<thead><tr><th class=\"num\">line</th>")
                .append("<th class=\"num\">hits</th><th class=\"num\">time</th><th class=\"num\">per hit</th>")
                .append("<th class=\"num\">% time</th><th>source</th></tr></thead>\n<tbody>\n");
        for (LineStat l : f.lines()) {
            double pct = total > 0 ? 100.0 * l.timeNs() / total : 0;
            String heat = Heat.css(pct);
            out.append("<tr").append(l.hits() == 0 ? " class=\"never\"" : "")
                    .append(heat.isEmpty() ? "" : " style=\"background:" + heat + "\"").append(">");
            out.append("<td class=\"num\">").append(l.line()).append("</td>");
            if (l.hits() == 0) {
                out.append("<td></td><td></td><td></td><td></td>");
            } else {
                out.append("<td class=\"num\">").append(l.hits()).append("</td>")
                        .append("<td class=\"num\">").append(esc(Units.seconds(l.timeNs() / 1e9))).append("</td>")
                        .append("<td class=\"num\">").append(esc(Units.seconds(l.timeNs() / 1e9 / l.hits())))
                        .append("</td><td class=\"num pct\" style=\"background:").append(hex(Heat.color(pct)))
                        .append(pct >= 30 ? ";color:#fff" : "").append("\">").append(Units.percent(pct)).append("</td>");
            }
            out.append("<td class=\"src\">").append(esc(l.source())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n</details>\n");
    }

    private static String hex(java.awt.Color c) {
        return String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xFFFFFF);
    }

    private static void environment(StringBuilder out, RunResults r) {
        out.append("<h2 id=\"environment\">Environment</h2>\n<table class=\"env\">\n<tbody>\n");
        Environment e = r.environment();
        if (e != null) {
            row(out, "science", RunTitle.science(r));
            row(out, "science ref", e.scienceRef());
            row(out, "science dir", e.scienceDir());
            row(out, "data", e.dataPath());
            row(out, "data schema", e.dataSchema());
            row(out, "survey", e.survey());
            row(out, "CPU", e.cpuModel() + ", " + e.cores() + " cores");
            row(out, "memory", Units.gib(e.memoryBytes()));
            row(out, "OS", e.os());
            row(out, "host", e.hostname());
            row(out, "Java", e.javaVersion());
            row(out, "Python", MarkdownSummary.versions(e.python()));
            row(out, "runner", MarkdownSummary.versions(e.runner()));
        }
        RunConfig c = r.config();
        if (c != null) {
            row(out, "registry", c.registry());
            row(out, "options", String.format(Locale.ROOT,
                    "%d alerts requested, %d warm-up + %d loops, chunks of %d rows, timeout %d s, mode %s",
                    c.nAlerts(), c.warmup(), c.loops(), c.chunkRows(), c.timeoutSeconds(), c.mode()));
        }
        row(out, "fink-perf", r.toolVersion());
        out.append("</tbody>\n</table>\n");
    }

    private static void row(StringBuilder out, String key, String value) {
        if (value != null && !value.isBlank()) {
            out.append("<tr><td>").append(esc(key)).append("</td><td>").append(esc(value)).append("</td></tr>\n");
        }
    }

    private static void img(StringBuilder out, byte[] png, String alt) {
        out.append("<p><img class=\"chart\" alt=\"").append(esc(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"></p>\n");
    }

    /** A fragment id from the module name: ids must not carry what escaping would change. */
    static String anchor(ModuleResult m) {
        return "m-" + m.name().replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static String esc(String s) {
        return HtmlText.escape(s);
    }

    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/finkperf/report/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
