package io.finkperf.report;

import io.finkperf.results.ModuleResult;
import io.finkperf.results.RunResults;
import io.finkperf.results.SparkModeResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** {@code spark_decomposition.md}: Spark vs direct per module, then each module's wall time split into parts. */
public final class SparkDecompositionMarkdown implements ReportWriter {

    public static final String FILE = "spark_decomposition.md";

    @Override
    public void write(RunResults results, Path dir) throws IOException {
        if (!SparkExtras.modules(results).isEmpty()) {
            FormatWriter.writeText(dir, FILE, markdown(results));
        }
    }

    public static String markdown(RunResults r) {
        StringBuilder b = new StringBuilder("# Spark mode: where the time goes\n\n");
        b.append("Wall time per loop, split into parts (task core time ÷ cores used). ")
                .append("Throughput is alerts / wall time / cores used; direct mode times the module calls only, on one core. ")
                .append("The chart spreads direct mode's time over the same cores, so bars compare as per-core throughput.\n\n");
        b.append(comparisonTable(r));
        for (ModuleResult m : SparkExtras.modules(r)) {
            SparkModeResult s = m.extra().sparkResult();
            double total = s.decomposition().totalSeconds();
            b.append("\n## ").append(m.name()).append("\n\n| part | ms per loop | % of wall |\n|---|---:|---:|\n");
            for (Map.Entry<String, Double> p : s.decomposition().parts().entrySet()) {
                row(b, "**" + p.getKey() + "**", p.getValue(), total);
                String prefix = p.getKey() + " / ";
                for (Map.Entry<String, Double> e : s.decomposition().detail().entrySet()) {
                    if (e.getKey().startsWith(prefix)) {
                        row(b, "&nbsp;&nbsp;" + e.getKey().substring(prefix.length()), e.getValue(), total);
                    }
                }
            }
            row(b, "**measured wall time**", total, total);
            b.append(String.format(Locale.ROOT,
                    "%nModule compute in Spark: %.1f ms of core time per loop; direct mode: %.1f ms (%.2f×).%n",
                    1e3 * s.computeCoreSecondsSpark(), 1e3 * s.computeSecondsDirect(),
                    s.computeSparkOverDirect() == null ? Double.NaN : s.computeSparkOverDirect()));
        }
        return b.toString();
    }

    /** One line per module: Spark and direct throughput, their ratio, output equivalence. Also used by summary.md. */
    static String comparisonTable(RunResults r) {
        StringBuilder b = new StringBuilder();
        b.append("| module | alerts | cores | Spark wall (s) | Spark alerts/s/core | direct alerts/s/core | direct ÷ Spark | equivalent | unexplained |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---|---:|\n");
        for (ModuleResult m : SparkExtras.modules(r)) {
            SparkModeResult s = m.extra().sparkResult();
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.1f | %.1f | %.1f× | %s | %.1f %% |%n", m.name(),
                    m.nAlerts(), s.coresUsed(), s.wallSecondsMean(), s.throughputPerCore(), s.directThroughputPerCore(),
                    s.directOverSparkRatio(), s.equivalent() ? "yes" : "**NO**",
                    100 * s.decomposition().unexplainedFraction()));
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String name, double seconds, double total) {
        b.append(String.format(Locale.ROOT, "| %s | %.2f | %.1f |%n", name, seconds * 1e3, total > 0 ? 100 * seconds / total : 0));
    }
}
