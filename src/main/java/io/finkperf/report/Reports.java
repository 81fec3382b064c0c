package io.finkperf.report;

import io.finkperf.results.ModuleResult;
import io.finkperf.results.RunResults;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Which writers run when. */
public final class Reports {

    private Reports() {
    }

    /** Cheap formats rewritten after every module, so a crash keeps what finished. */
    public static List<ReportWriter> incremental() {
        return List.of(new ResultsJsonWriter(), new LineProfileText());
    }

    /** Everything, written once the run is over (and by {@code fink-perf report}). */
    public static List<ReportWriter> all() {
        return List.of(new ResultsJsonWriter(), new LineProfileText(), new ThroughputChart(),
                new LineProfileChart(), new EnergyChart(), new SparkDecompositionMarkdown(), new SparkDecompositionChart(),
                new ScaleMarkdown(), new ScaleCharts(), new MarkdownSummary(), new HtmlReport());
    }

    /** Writes every format into {@code dir}. */
    public static void write(List<ReportWriter> writers, RunResults results, Path dir) {
        FormatWriter.writeAll(writers, results, dir, "report");
    }

    /** A few lines for the terminal. */
    public static String consoleSummary(RunResults results, Path dir) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-22s %-8s %14s %10s %10s  %s%n", "module", "type", "alerts/s/core",
                "± std", "peak RSS", "status"));
        for (ModuleResult m : results.modules()) {
            var t = m.throughputStats();
            out.append(String.format(Locale.ROOT, "%-22s %-8s %14s %10s %10s  %s%n", m.name(), m.type(),
                    m.ok() ? String.format(Locale.ROOT, "%.1f", t.mean()) : "-",
                    m.ok() ? String.format(Locale.ROOT, "%.1f", t.std()) : "-",
                    m.peakRssBytes() > 0 ? (m.peakRssBytes() >> 20) + " MiB" : "-",
                    m.ok() ? "ok" : m.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                            + (m.error() == null ? "" : m.error().message())));
        }
        for (ModuleResult m : SparkExtras.modules(results)) {
            var s = m.extra().sparkResult();
            out.append(String.format(Locale.ROOT, "%-22s spark on %d cores; direct mode %.1f alerts/s/core, %.1f× faster; outputs %s%n",
                    m.name(), s.coresUsed(), s.directThroughputPerCore(), s.directOverSparkRatio(),
                    s.equivalent() ? "equal" : "DIFFER"));
        }
        if (results.scale() != null) {
            out.append('\n').append(ScaleMarkdown.table(results.scale())).append('\n');
        }
        out.append("report: ").append(dir.toAbsolutePath().normalize());
        return out.toString();
    }
}
