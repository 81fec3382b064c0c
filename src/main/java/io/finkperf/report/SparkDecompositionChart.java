package io.finkperf.report;

import io.finkperf.results.ModuleResult;
import io.finkperf.results.RunResults;
import io.finkperf.results.SparkModeResult;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/** {@code spark_decomposition.png}: per module, the Spark wall time as stacked parts, direct mode's compute beside it. */
public final class SparkDecompositionChart implements ReportWriter {

    public static final String FILE = "spark_decomposition.png";
    static final Color[] PART_COLORS = {new Color(0x4C78A8), new Color(0xF58518), new Color(0xE45756),
        new Color(0x54A24B), new Color(0xB279A2), new Color(0xBAB0AC)};
    static final int WIDTH = 1100;

    @Override
    public void write(RunResults results, Path dir) throws IOException {
        if (!SparkExtras.modules(results).isEmpty()) {
            Charts.write(dir, FILE, render(results));
        }
    }

    public static BufferedImage render(RunResults results) {
        return chart(results).createBufferedImage(WIDTH, 180 + 110 * SparkExtras.modules(results).size());
    }

    static JFreeChart chart(RunResults r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<ModuleResult> modules = SparkExtras.modules(r);
        for (String part : partNames(modules)) {
            for (ModuleResult m : modules) {
                SparkModeResult s = m.extra().sparkResult();
                double ms = s.decomposition().part(part) * 1e3;
                data.addValue(Math.max(0, ms), part, m.name() + " · Spark");
                // direct mode's one-core time spread over the same cores: per-core throughput, bar for bar
                double cores = Math.max(1, s.coresUsed());
                data.addValue(part.equals(SparkModeResult.COMPUTE_PART) ? s.computeSecondsDirect() * 1e3 / cores : 0,
                        part, m.name() + " · direct");
            }
        }
        CategoryAxis y = new CategoryAxis();
        y.setTickLabelFont(Charts.font(Font.PLAIN, 12));
        NumberAxis x = new NumberAxis("ms of wall time per loop on the cores used (Spark: task core time ÷ cores; direct: module calls on 1 core ÷ cores)");
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new StandardBarPainter());
        for (int i = 0; i < PART_COLORS.length; i++) {
            renderer.setSeriesPaint(i, PART_COLORS[i]);
        }
        CategoryPlot plot = new CategoryPlot(data, y, x, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Spark mode vs direct: where the wall time goes", Charts.font(Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(subtitle(modules), Charts.font(Font.PLAIN, 12)));
        return chart;
    }

    private static List<String> partNames(List<ModuleResult> modules) {
        Set<String> names = new LinkedHashSet<>();
        modules.forEach(m -> names.addAll(m.extra().sparkResult().decomposition().parts().keySet()));
        return new ArrayList<>(names);
    }

    private static String subtitle(List<ModuleResult> modules) {
        if (modules.isEmpty()) {
            return "no module ran in Spark mode";
        }
        SparkModeResult s = modules.get(0).extra().sparkResult();
        return String.format(Locale.ROOT, "%s, %d cores, %d partitions, %d alerts, %d loops", s.master(), s.coresUsed(),
                s.partitions(), modules.get(0).nAlerts(), modules.get(0).samplesNs().size());
    }
}
