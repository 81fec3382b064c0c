package io.finkperf.history;

import io.finkperf.report.HtmlText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The static site of a history store: {@code index.html} (every module with its sparkline, latest
 * value, change since the last release and last step) and {@code <module>.html} (the trend chart,
 * the steps with their commit ranges, every run with a link to its report). Pages are
 * self-contained (charts embedded, no script, no network); the charts are also written as
 * {@code <module>.png} for job summaries, and {@code summary.md} sums it up in Markdown.
 */
public final class HistorySite {

    public static final String INDEX = "index.html";
    public static final String SUMMARY = "summary.md";
    static final int CHART_WIDTH = 1100;
    static final int CHART_HEIGHT = 560;

    private final Measure measure;
    private final String repoUrl;

    /** @param repoUrl the science repository's web address, to link commits (may be null) */
    public HistorySite(Measure measure, String repoUrl) {
        this.measure = measure;
        this.repoUrl = repoUrl == null || repoUrl.isBlank() ? null : repoUrl.replaceAll("/+$", "");
    }

    /** Writes the site into {@code out}; returns the modules' series, in name order. */
    public List<ModuleSeries> write(HistoryStore store, Path out) {
        List<HistoryRecord> records = store.readAll();
        if (records.isEmpty()) {
            throw new HistoryException(HistoryException.Kind.BAD_STORE, "history store " + store.dir() + " has no run yet");
        }
        List<ModuleSeries> all = new ArrayList<>();
        try {
            Files.createDirectories(out);
            Map<String, String> reports = copyReports(records, store.dir(), out);
            for (String module : ModuleSeries.modules(records)) {
                ModuleSeries s = ModuleSeries.of(records, module, measure);
                all.add(s);
                byte[] png = TrendChart.png(s, CHART_WIDTH, CHART_HEIGHT);
                Files.write(out.resolve(fileName(module) + ".png"), png);
                Files.writeString(out.resolve(fileName(module) + ".html"), modulePage(s, png, reports), StandardCharsets.UTF_8);
            }
            Files.writeString(out.resolve(INDEX), index(all, records), StandardCharsets.UTF_8);
            Files.writeString(out.resolve(SUMMARY), HistorySummary.markdown(all), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history site into " + out, e);
        }
        return all;
    }

    /** Module names are identifiers; anything else is replaced so a name never escapes the site folder. */
    public static String fileName(String module) {
        return module.replaceAll("[^A-Za-z0-9_.-]", "_").replaceAll("^\\.+", "_");
    }

    /** Kept reports (relative to the store) are copied to runs/; URLs are linked as they are. */
    private static Map<String, String> copyReports(List<HistoryRecord> records, Path storeDir, Path out) throws IOException {
        Map<String, String> links = new LinkedHashMap<>();
        for (HistoryRecord r : records) {
            String link = r.reportLink();
            if (link == null || links.containsKey(r.runId())) {
                continue;
            }
            if (link.startsWith("https://") || link.startsWith("http://")) {
                links.put(r.runId(), link);
                continue;
            }
            Path kept = storeDir.resolve(link).normalize();
            if (kept.startsWith(storeDir) && Files.isRegularFile(kept)) {
                Path runs = Files.createDirectories(out.resolve("runs"));
                Files.copy(kept, runs.resolve(fileName(r.runId()) + ".html"), StandardCopyOption.REPLACE_EXISTING);
                links.put(r.runId(), "runs/" + fileName(r.runId()) + ".html");
            }
        }
        return links;
    }

    String index(List<ModuleSeries> all, List<HistoryRecord> records) {
        StringBuilder h = head("fink-perf history");
        long runs = records.stream().map(HistoryRecord::runId).distinct().count();
        h.append("<h1>fink-perf history</h1>\n<p class=\"meta\">").append(runs).append(" runs · ").append(all.size())
                .append(all.size() == 1 ? " module" : " modules").append(" · values in ").append(esc(measure.label()))
                .append(measure == Measure.CALIBRATED ? " (raw rate × this machine's calibration time ÷ the reference's "
                        + Calibration.REFERENCE_SECONDS + " s)" : "").append("</p>\n");
        h.append("<table class=\"modules\">\n<thead><tr><th>module</th><th>type</th><th>trend</th><th>latest</th>"
                + "<th>since last release</th><th>last step</th><th>commits</th></tr></thead>\n<tbody>\n");
        for (ModuleSeries s : all) {
            h.append("<tr data-module=\"").append(esc(s.module())).append("\"><td><a href=\"").append(esc(fileName(s.module())))
                    .append(".html\"><code>").append(esc(s.module())).append("</code></a></td><td>").append(esc(s.type()))
                    .append("</td><td>").append(Sparkline.svg(s)).append("</td><td class=\"num\">")
                    .append(s.latest() == null ? "—" : number(s.latest().value())).append("</td><td class=\"num\">")
                    .append(esc(sinceRelease(s))).append("</td><td>").append(lastStep(s)).append("</td><td class=\"num\">")
                    .append(s.points().size()).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        return foot(h);
    }

    String modulePage(ModuleSeries s, byte[] png, Map<String, String> reports) {
        StringBuilder h = head(s.module() + " — fink-perf history");
        h.append("<p><a href=\"index.html\">← all modules</a></p>\n<h1><code>").append(esc(s.module())).append("</code></h1>\n");
        h.append("<p class=\"meta\">").append(esc(TrendChart.subtitle(s))).append("</p>\n");
        h.append("<img class=\"trend\" alt=\"trend of ").append(esc(s.module())).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
        h.append("<h2>Steps</h2>\n");
        if (s.steps().isEmpty()) {
            h.append("<p class=\"nostep\">No step: the series is one level within its noise.</p>\n");
        } else {
            h.append("<table class=\"steps\">\n<thead><tr><th>change</th><th>before → after</th><th>between commits</th>"
                    + "<th>confidence</th></tr></thead>\n<tbody>\n");
            for (ModuleSeries.ChangePoint c : s.steps()) {
                h.append("<tr class=\"").append(c.step().changePercent() < 0 ? "down" : "up").append("\"><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%+.1f %%", c.step().changePercent())).append("</td><td class=\"num\">")
                        .append(number(c.step().before())).append(" → ").append(number(c.step().after())).append("</td><td>")
                        .append(commitLink(c.lastBefore())).append(" .. ").append(commitLink(c.firstAfter()))
                        .append(" <span class=\"subject\">").append(esc(c.firstAfter().subject())).append("</span></td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.4f", c.step().confidence())).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("<h2>Runs</h2>\n<table class=\"runs\">\n<thead><tr><th>commit</th><th>date</th><th>calibrated</th><th>raw</th>"
                + "<th>loops</th><th>calibration</th><th>machine</th><th>report</th></tr></thead>\n<tbody>\n");
        List<ModuleSeries.Point> points = s.points();
        for (int i = points.size() - 1; i >= 0; i--) {
            ModuleSeries.Point p = points.get(i);
            for (HistoryRecord r : p.runs()) {
                h.append(runRow(r, p.fingerprintChanged(), reports));
            }
        }
        for (HistoryRecord r : s.unmeasured()) {
            h.append(runRow(r, false, reports));
        }
        h.append("</tbody></table>\n");
        return foot(h);
    }

    private String runRow(HistoryRecord r, boolean machineChanged, Map<String, String> reports) {
        StringBuilder h = new StringBuilder("<tr").append(r.measured() ? "" : " class=\"failed\"").append("><td>")
                .append(commitLink(r.commit()));
        if (r.commit() != null) {
            for (String t : r.commit().tags()) {
                h.append(" <span class=\"tag\">").append(esc(t)).append("</span>");
            }
        }
        h.append("</td><td>").append(esc(r.commit() == null ? "" : shortDate(r.commit().date()))).append("</td>");
        if (r.measured()) {
            h.append("<td class=\"num\">").append(number(r.calibrated())).append("</td><td class=\"num\">").append(number(r.raw()))
                    .append("</td><td class=\"num\">").append(r.rates().size()).append("</td>");
        } else {
            h.append("<td colspan=\"3\" class=\"status\">").append(esc(r.status())).append("</td>");
        }
        h.append("<td class=\"num\">").append(r.calibration() == null ? "—"
                : String.format(Locale.ROOT, "%.4f s", r.calibration().seconds())).append("</td><td>")
                .append(machineChanged ? "<span class=\"changed\">changed</span> " : "")
                .append(esc(r.fingerprint() == null ? "?" : r.fingerprint().describe())).append("</td><td>");
        String link = reports.get(r.runId());
        h.append(link == null ? "—" : "<a href=\"" + esc(link) + "\">report</a>").append("</td></tr>\n");
        return h.toString();
    }

    /** The latest value against the latest tagged commit before it: "−12.3 % since v8.1.0". */
    static String sinceRelease(ModuleSeries s) {
        List<ModuleSeries.Point> points = s.points();
        for (int i = points.size() - 2; i >= 0; i--) {
            CommitInfo c = points.get(i).commit();
            if (c != null && !c.tags().isEmpty()) {
                double change = (s.latest().value() / points.get(i).value() - 1) * 100;
                return String.format(Locale.ROOT, "%+.1f %% since %s", change, c.tags().get(0));
            }
        }
        return "—";
    }

    private String lastStep(ModuleSeries s) {
        if (s.steps().isEmpty()) {
            return "none";
        }
        ModuleSeries.ChangePoint c = s.steps().get(s.steps().size() - 1);
        return "<span class=\"" + (c.step().changePercent() < 0 ? "down" : "up") + "\">"
                + String.format(Locale.ROOT, "%+.1f %%", c.step().changePercent()) + "</span> at "
                + commitLink(c.lastBefore()) + " .. " + commitLink(c.firstAfter());
    }

    private String commitLink(CommitInfo c) {
        if (c == null) {
            return "?";
        }
        String code = "<code title=\"" + esc(c.sha()) + "\">" + esc(c.shortSha()) + "</code>";
        return repoUrl == null || c.sha() == null ? code : "<a href=\"" + esc(repoUrl + "/commit/" + c.sha()) + "\">" + code + "</a>";
    }

    private static String shortDate(String iso) {
        return iso == null ? "" : iso.length() >= 10 ? iso.substring(0, 10) : iso;
    }

    static String number(double v) {
        return Double.isFinite(v) ? new DecimalFormat("#,##0.#", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v) : "—";
    }

    private static String esc(String s) {
        return HtmlText.escape(s);
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(title)).append("</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n");
    }

    private static String foot(StringBuilder h) {
        return h.append("<footer>fink-perf history · store schema ").append(HistoryRecord.SCHEMA).append("</footer>\n</body>\n</html>\n")
                .toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 24px auto; max-width: 1180px; color: #222; padding: 0 16px; }
            h1 { font-size: 1.6em; margin-bottom: 4px; } h2 { font-size: 1.2em; margin-top: 28px; }
            .meta { color: #555; margin-top: 0; }
            table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
            th, td { border-bottom: 1px solid #e0e0e0; padding: 6px 8px; text-align: left; vertical-align: middle; }
            th { background: #f5f5f5; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .down { color: #c62828; font-weight: 600; } .up { color: #2e7d32; font-weight: 600; }
            tr.down td:first-child, tr.up td:first-child { font-weight: 700; }
            tr.failed td { color: #a00; }
            .tag { background: #ede7f6; color: #6a1b9a; border-radius: 3px; padding: 0 4px; font-size: 0.85em; }
            .changed { background: #eeeeee; color: #424242; border-radius: 3px; padding: 0 4px; font-size: 0.85em; }
            .subject { color: #555; }
            img.trend { max-width: 100%; border: 1px solid #eee; }
            footer { margin-top: 32px; color: #888; font-size: 0.85em; }
            """;
}
