package io.finkperf.report;

import io.finkperf.results.Environment;
import io.finkperf.results.LineProfile.HotLine;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.RunConfig;
import io.finkperf.results.RunResults;
import io.finkperf.results.SampleStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.md}: GitHub-flavoured Markdown for a job summary or a PR comment. GitHub
 * refuses job summaries over 1 MiB, so the hot-line blocks, then module rows, are dropped
 * with a note when the summary would not fit.
 */
public final class MarkdownSummary implements ReportWriter {

    public static final String FILE = "summary.md";
    public static final int GITHUB_LIMIT_BYTES = 1024 * 1024;
    static final int HOT_LINES = 5;
    private static final int ERROR_CHARS = 200;

    private final int maxBytes;

    public MarkdownSummary() {
        this(GITHUB_LIMIT_BYTES);
    }

    /** @param maxBytes the size the UTF-8 summary must stay under */
    public MarkdownSummary(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void write(RunResults results, Path dir) throws IOException {
        FormatWriter.writeText(dir, FILE, render(results));
    }

    public String render(RunResults r) {
        String full = render(r, r.modules().size(), true);
        if (fits(full)) {
            return full;
        }
        String noHot = render(r, r.modules().size(), false);
        if (fits(noHot)) {
            return noHot;
        }
        int lo = 0;
        int hi = r.modules().size();
        while (lo < hi) { // most module rows that still fit
            int mid = (lo + hi + 1) / 2;
            if (fits(render(r, mid, false))) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return render(r, lo, false);
    }

    private boolean fits(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length < maxBytes;
    }

    private String render(RunResults r, int rows, boolean hotLines) {
        StringBuilder out = new StringBuilder();
        out.append("# fink-perf: ").append(MarkdownText.cell(RunTitle.withDate(r))).append("\n\n");
        out.append(runLine(r)).append("\n\n");
        moduleTable(out, r, rows);
        out.append('\n');
        out.append("Throughput is alerts per second per core, mean ± std over the measured loops. ")
                .append("An exposure brings ~600 ZTF alerts: ")
                .append("**1 s/exposure** on 8 cores needs ≥ 75 alerts/s/core, **2 s/exposure** ≥ 37.5.\n\n");
        energy(out, r);
        spark(out, r);
        if (r.scale() != null) {
            out.append(ScaleMarkdown.markdown(r.scale())).append('\n');
        }
        if (hotLines) {
            hotLines(out, r);
        } else if (r.modules().stream().anyMatch(LineProfileChart::hasProfile)) {
            out.append("> Hottest lines left out to stay under GitHub's 1 MiB summary limit: ")
                    .append("see [index.html](index.html) and the `line_profile_*.txt` files.\n\n");
        }
        environment(out, r);
        artifacts(out, r);
        return out.toString();
    }

    private static String runLine(RunResults r) {
        RunConfig c = r.config();
        long n = r.modules().stream().mapToLong(ModuleResult::nAlerts).max().orElse(c == null ? 0 : c.nAlerts());
        StringBuilder s = new StringBuilder();
        s.append(r.modules().size()).append(" modules on ").append(n).append(" alerts");
        if (c != null) {
            s.append(", ").append(c.warmup()).append(" warm-up + ").append(c.loops()).append(" measured loops");
            if (c.runner() != null) {
                s.append(", runner `").append(c.runner()).append('`');
            }
        }
        if (r.startedAt() != null) {
            s.append(". Started ").append(r.startedAt());
            if (r.finishedAt() != null) {
                s.append(", finished ").append(r.finishedAt());
            }
        }
        return MarkdownText.cell(s.toString()).replace("\\`", "`") + ".";
    }

    private static void moduleTable(StringBuilder out, RunResults r, int rows) {
        out.append("| module | type | alerts/s/core | median | 1 s/exposure (≥ 75) | 2 s/exposure (≥ 37.5) "
                + "| peak RSS | status |\n");
        out.append("|:--|:--|--:|--:|:-:|:-:|--:|:--|\n");
        List<ModuleResult> modules = r.modules();
        for (ModuleResult m : modules.subList(0, rows)) {
            SampleStats t = m.throughputStats();
            boolean measured = m.ok() && t.n() > 0;
            out.append("| ").append(MarkdownText.code(m.name()))
                    .append(" | ").append(MarkdownText.cell(m.type()))
                    .append(" | ").append(measured ? Units.rate(t.mean()) + " ± " + Units.rate(t.std()) : "–")
                    .append(" | ").append(measured ? Units.rate(t.median()) : "–");
            for (ExposureBudget b : ExposureBudget.ALL) {
                out.append(" | ").append(measured ? (b.met(t.mean()) ? "✓" : "✗") : "–");
            }
            out.append(" | ").append(Units.mib(m.peakRssBytes()))
                    .append(" | ").append(status(m)).append(" |\n");
        }
        if (rows < modules.size()) {
            out.append("\n> ").append(modules.size() - rows).append(" more modules left out to stay under GitHub's ")
                    .append("1 MiB summary limit: see [index.html](index.html) or [results.json](results.json).\n");
        }
    }

    private static String status(ModuleResult m) {
        if (m.ok()) {
            return "ok";
        }
        String s = "**" + Units.status(m) + "**";
        return m.error() == null || m.error().message() == null ? s
                : s + ": " + MarkdownText.cell(Units.oneLine(m.error().message(), ERROR_CHARS));
    }

    private static void hotLines(StringBuilder out, RunResults r) {
        List<ModuleResult> profiled = r.modules().stream().filter(LineProfileChart::hasProfile).toList();
        if (profiled.isEmpty()) {
            return;
        }
        out.append("## Hottest lines\n\n");
        for (ModuleResult m : profiled) {
            out.append("<details><summary><code>").append(HtmlText.escape(m.name())).append("</code>: top ")
                    .append(HOT_LINES).append(" lines by % of the profiled call's time</summary>\n\n");
            out.append("| % time | hits | where | source |\n|--:|--:|:--|:--|\n");
            for (HotLine h : m.lineProfile().hottestLines(HOT_LINES)) {
                out.append("| ").append(Units.percent(h.percentOfTotal()))
                        .append(" | ").append(h.line().hits())
                        .append(" | ").append(MarkdownText.code(h.function().file() + ":" + h.line().line()))
                        .append(" | ").append(MarkdownText.code(h.line().source() == null ? "" : h.line().source().strip()))
                        .append(" |\n");
            }
            out.append("\nFull profile: [").append(LineProfileText.fileName(m.name())).append("](")
                    .append(LineProfileText.fileName(m.name())).append(")\n\n</details>\n\n");
        }
    }

    private static void environment(StringBuilder out, RunResults r) {
        Environment e = r.environment();
        if (e == null) {
            return;
        }
        out.append("## Environment\n\n| | |\n|:--|:--|\n");
        row(out, "science", RunTitle.science(r));
        row(out, "science dir", e.scienceDir());
        row(out, "data", e.dataPath() + (e.survey() == null ? "" : " (" + e.survey() + ")"));
        row(out, "CPU", e.cpuModel() + ", " + e.cores() + " cores");
        row(out, "memory", Units.gib(e.memoryBytes()));
        row(out, "OS", e.os());
        row(out, "Java", e.javaVersion());
        row(out, "Python", versions(e.python()));
        if (!e.runner().isEmpty()) {
            row(out, "runner", versions(e.runner()));
        }
        out.append('\n');
    }

    /** "python 3.11, numpy 1.24, …": python first, then by name, so the text is stable. */
    static String versions(Map<String, Object> m) {
        return m.entrySet().stream()
                .sorted(java.util.Comparator.comparing((Map.Entry<String, Object> e) -> !e.getKey().equals("python"))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static void row(StringBuilder out, String key, String value) {
        out.append("| ").append(key).append(" | ").append(MarkdownText.cell(value)).append(" |\n");
    }

    private static void energy(StringBuilder out, RunResults r) {
        var estimates = EnergyChart.estimates(r);
        if (estimates.isEmpty()) {
            return;
        }
        out.append("## Energy and CO2\n\n| module | energy / 1 000 alerts | CO2e / year | method |\n|:--|--:|--:|:--|\n");
        estimates.forEach((m, e) -> out.append("| ").append(MarkdownText.code(m.name()))
                .append(" | ").append(EnergyChart.joules(e.netJPer1000Alerts()))
                .append(" | ").append(EnergyChart.co2(e.kgCo2PerYear()))
                .append(" | ").append(MarkdownText.cell(e.method())).append(" |\n"));
        out.append('\n').append(String.join(". ", EnergyChart.subtitle(r, estimates)))
                .append(". Module run minus idle baseline; good to a factor of ~2 (docs/energy.md).\n\n");
    }

    private static void spark(StringBuilder out, RunResults r) {
        if (SparkExtras.modules(r).isEmpty()) {
            return;
        }
        out.append("## Spark mode vs direct\n\n").append(SparkDecompositionMarkdown.comparisonTable(r))
                .append("\nWhere the Spark time goes: [").append(SparkDecompositionMarkdown.FILE).append("](")
                .append(SparkDecompositionMarkdown.FILE).append("), [").append(SparkDecompositionChart.FILE).append("](")
                .append(SparkDecompositionChart.FILE).append(").\n\n");
    }

    private static void artifacts(StringBuilder out, RunResults r) {
        out.append("## Artifacts\n\n");
        out.append("- [index.html](index.html): the full report (charts, sortable table, line profiles)\n");
        out.append("- [results.json](results.json): raw samples and environment (`fink-perf report results.json` rebuilds everything)\n");
        out.append("- [throughput.png](throughput.png)\n");
        if (!EnergyChart.estimates(r).isEmpty()) {
            out.append("- [").append(EnergyChart.FILE).append("](").append(EnergyChart.FILE).append(")\n");
        }
        for (ModuleResult m : r.modules()) {
            if (LineProfileChart.hasProfile(m)) {
                String txt = LineProfileText.fileName(m.name());
                String png = LineProfileChart.fileName(m.name());
                out.append("- [").append(txt).append("](").append(txt).append("), [").append(png).append("](")
                        .append(png).append(")\n");
            }
        }
    }
}
