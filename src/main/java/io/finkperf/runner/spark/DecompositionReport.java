package io.finkperf.runner.spark;

import io.finkperf.results.ModuleResult;
import io.finkperf.results.RunResults;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/** {@code spark_decomposition.md} (tables) and {@code spark_decomposition.png} (stacked bars, direct mode beside). */
public final class DecompositionReport {

    public static final String MARKDOWN = "spark_decomposition.md";
    public static final String PNG = "spark_decomposition.png";
    private static final Color[] COLORS = {new Color(0x4C78A8), new Color(0xF58518), new Color(0xE45756),
        new Color(0x54A24B), new Color(0xB279A2), new Color(0xBAB0AC)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private DecompositionReport() {
    }

    public static void write(RunResults results, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKDOWN), markdown(results), StandardCharsets.UTF_8);
        ChartUtils.saveChartAsPNG(dir.resolve(PNG).toFile(), chart(results), 1100, 180 + 110 * sparkModules(results).size());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spark(ModuleResult m) {
        Object s = m.extra().get("spark");
        return s instanceof Map<?, ?> map && map.containsKey("decomposition") ? (Map<String, Object>) map : null;
    }

    static List<ModuleResult> sparkModules(RunResults r) {
        return r.modules().stream().filter(m -> spark(m) != null).toList();
    }

    @SuppressWarnings("unchecked")
    static String markdown(RunResults r) {
        StringBuilder b = new StringBuilder("# Spark mode: where the time goes\n\n");
        b.append("Wall time per loop, split into parts (task core time ÷ cores used). ")
                .append("Throughput is alerts / wall time / cores used; direct mode times the module calls only, on one core.\n\n");
        b.append("| module | alerts | cores | Spark wall (s) | Spark alerts/s/core | direct alerts/s/core | direct ÷ Spark | equivalent | unexplained |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---|---:|\n");
        for (ModuleResult m : sparkModules(r)) {
            Map<String, Object> s = spark(m);
            Map<String, Object> d = (Map<String, Object>) s.get("decomposition");
            b.append(String.format(Locale.ROOT, "| %s | %d | %s | %.3f | %.1f | %.1f | %.1f× | %s | %.1f %% |%n", m.name(), m.nAlerts(),
                    s.get("coresUsed"), num(s, "wallSecondsMean"), num(s, "throughputPerCore"), num(s, "directThroughputPerCore"),
                    num(s, "directOverSparkRatio"), Boolean.TRUE.equals(s.get("equivalent")) ? "yes" : "**NO**",
                    100 * num(d, "unexplainedFraction")));
        }
        for (ModuleResult m : sparkModules(r)) {
            Map<String, Object> s = spark(m);
            Map<String, Object> d = (Map<String, Object>) s.get("decomposition");
            double total = num(d, "totalSeconds");
            b.append("\n## ").append(m.name()).append("\n\n| part | ms per loop | % of wall |\n|---|---:|---:|\n");
            Map<String, Number> parts = (Map<String, Number>) d.get("parts");
            Map<String, Number> detail = (Map<String, Number>) d.get("detail");
            for (Map.Entry<String, Number> p : parts.entrySet()) {
                row(b, "**" + p.getKey() + "**", p.getValue().doubleValue(), total);
                for (Map.Entry<String, Number> e : detail.entrySet()) {
                    if (e.getKey().startsWith(p.getKey() + " / ")) {
                        row(b, "&nbsp;&nbsp;" + e.getKey().substring(p.getKey().length() + 3), e.getValue().doubleValue(), total);
                    }
                }
            }
            row(b, "**measured wall time**", total, total);
            b.append(String.format(Locale.ROOT, "%nModule compute in Spark: %.1f ms of core time per loop; direct mode: %.1f ms (%.2f×).%n",
                    1e3 * num(s, "computeCoreSecondsSpark"), 1e3 * num(s, "computeSecondsDirect"), num(s, "computeSparkOverDirect")));
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String name, double seconds, double total) {
        b.append(String.format(Locale.ROOT, "| %s | %.2f | %.1f |%n", name, seconds * 1e3, total > 0 ? 100 * seconds / total : 0));
    }

    private static double num(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @SuppressWarnings("unchecked")
    static JFreeChart chart(RunResults r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String part : OverheadDecomposition.PARTS) {
            for (ModuleResult m : sparkModules(r)) {
                Map<String, Object> s = spark(m);
                Map<String, Number> parts = (Map<String, Number>) ((Map<String, Object>) s.get("decomposition")).get("parts");
                double v = parts.getOrDefault(part, 0).doubleValue() * 1e3;
                data.addValue(Math.max(0, v), part, m.name() + " · Spark");
                data.addValue(part.equals(OverheadDecomposition.COMPUTE) ? num(s, "computeSecondsDirect") * 1e3 : 0,
                        part, m.name() + " · direct");
            }
        }
        CategoryAxis y = new CategoryAxis();
        y.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        NumberAxis x = new NumberAxis("ms of wall time per loop (Spark: task core time ÷ cores used; direct: module calls, 1 core)");
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        for (int i = 0; i < COLORS.length; i++) {
            renderer.setSeriesPaint(i, COLORS[i]);
        }
        CategoryPlot plot = new CategoryPlot(data, y, x, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Spark mode vs direct: where the wall time goes",
                new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(subtitle(r), new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        return chart;
    }

    private static String subtitle(RunResults r) {
        List<ModuleResult> ms = sparkModules(r);
        if (ms.isEmpty()) {
            return "no module ran in Spark mode";
        }
        Map<String, Object> s = spark(ms.get(0));
        return String.format(Locale.ROOT, "%s, %s cores, %s partitions, %d alerts, %d loops", s.get("master"), s.get("coresUsed"),
                s.get("partitions"), ms.get(0).nAlerts(), ms.get(0).samplesNs().size());
    }
}
