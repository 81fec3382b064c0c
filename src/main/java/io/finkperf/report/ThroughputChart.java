package io.finkperf.report;

import io.finkperf.results.ModuleResult;
import io.finkperf.results.RunResults;
import io.finkperf.results.SampleStats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@code throughput.png}: mean alerts/s/core per module (± std over loops) on a log axis, coloured
 * by module type, against the per-exposure budgets. Failed modules get no bar (zero has no place
 * on a log axis) but keep their slot, marked with their status.
 */
public final class ThroughputChart implements ReportWriter {

    public static final String FILE = "throughput.png";
    static final String SERIES = "alerts/s/core";

    @Override
    public void write(RunResults results, Path dir) throws IOException {
        Charts.write(dir, FILE, render(results));
    }

    public static BufferedImage render(RunResults results) {
        List<ModuleResult> modules = results.modules();
        int width = Math.max(900, 160 + 80 * modules.size());
        JFreeChart chart = chart(results);
        return chart.createBufferedImage(width, 620);
    }

    static JFreeChart chart(RunResults results) {
        List<ModuleResult> modules = results.modules();
        DefaultCategoryDataset data = dataset(results);
        CategoryAxis x = new CategoryAxis(null);
        x.setTickLabelFont(Charts.font(Font.PLAIN, 13));
        x.setCategoryMargin(0.25);
        x.setLowerMargin(0.02);
        x.setUpperMargin(0.07); // room for the budget lines' labels at the right
        int longest = modules.stream().mapToInt(m -> m.name().length()).max().orElse(0);
        if (longest > 10 || modules.size() > 8) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        } else {
            x.setMaximumCategoryLabelLines(2);
        }
        LogAxis y = new LogAxis("alerts / second / core  (mean ± std over loops)");
        y.setBase(10);
        y.setLabelFont(Charts.font(Font.PLAIN, 13));
        y.setTickLabelFont(Charts.font(Font.PLAIN, 12));
        y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
        double[] range = range(modules);
        y.setRange(range[0], range[1]);
        y.setTickUnit(new NumberTickUnit(1.0));
        y.setMinorTickCount(9);
        y.setMinorTickMarksVisible(true);

        Renderer renderer = new Renderer(modules);
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xD0D0D0));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setOutlineVisible(false);
        for (ExposureBudget b : ExposureBudget.ALL) {
            plot.addRangeMarker(marker(b), Layer.FOREGROUND);
        }
        plot.setFixedLegendItems(legend(modules));

        JFreeChart chart = new JFreeChart(null, Charts.font(Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle("Throughput of " + RunTitle.withDate(results), Charts.font(Font.BOLD, 17)));
        chart.addSubtitle(new TextTitle(subtitle(results), Charts.font(Font.PLAIN, 12)));
        chart.getLegend().setPosition(RectangleEdge.TOP);
        chart.getLegend().setItemFont(Charts.font(Font.PLAIN, 12));
        chart.getLegend().setFrame(new org.jfree.chart.block.BlockBorder(Color.WHITE));
        List<String> failed = modules.stream().filter(m -> !m.ok() || m.throughputStats().n() == 0)
                .map(m -> m.name() + " (" + Units.status(m) + ")").toList();
        if (!failed.isEmpty()) {
            TextTitle note = new TextTitle("No bar for: " + String.join(", ", failed), Charts.font(Font.ITALIC, 12));
            note.setPosition(RectangleEdge.BOTTOM);
            note.setPaint(new Color(0xA00000));
            chart.addSubtitle(note);
        }
        return chart;
    }

    /** One series, one category per module; a failed module's value is null (no bar). */
    static DefaultCategoryDataset dataset(RunResults results) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ModuleResult m : results.modules()) {
            SampleStats t = m.throughputStats();
            data.addValue(m.ok() && t.n() > 0 ? t.mean() : null, SERIES, m.name());
        }
        return data;
    }

    static String subtitle(RunResults r) {
        var c = r.config();
        var e = r.environment();
        List<String> parts = new ArrayList<>();
        long n = r.modules().stream().mapToLong(ModuleResult::nAlerts).max().orElse(0);
        if (n > 0) {
            parts.add(n + " alerts");
        }
        if (c != null) {
            parts.add(c.loops() + " loops");
            if ("spark".equals(c.mode())) {
                parts.add("Spark mode on " + c.runner().replaceFirst("^spark ", "") + ", per core used");
            }
        }
        if (e != null && e.cpuModel() != null) {
            parts.add(e.cpuModel());
        }
        return String.join(" · ", parts);
    }

    /** Log range covering every bar, error bar and value label and both budgets; starts at a decade. */
    static double[] range(List<ModuleResult> modules) {
        double lo = ExposureBudget.TWO_SECONDS.alertsPerSecondPerCore();
        double hi = ExposureBudget.ONE_SECOND.alertsPerSecondPerCore();
        for (ModuleResult m : modules) {
            SampleStats t = m.throughputStats();
            if (m.ok() && t.n() > 0 && t.mean() > 0) {
                lo = Math.min(lo, Math.max(t.mean() - t.std(), t.mean() / 10));
                hi = Math.max(hi, t.mean() + t.std());
            }
        }
        return new double[] {Math.pow(10, Math.floor(Math.log10(lo / 1.5))), hi * 2.5};
    }

    private static Color color(ExposureBudget b) {
        return b == ExposureBudget.ONE_SECOND ? new Color(0xB00020) : new Color(0x6A1B9A);
    }

    private static BasicStroke stroke(ExposureBudget b) {
        return new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                b == ExposureBudget.ONE_SECOND ? new float[] {8f, 5f} : new float[] {3f, 4f}, 0f);
    }

    private static ValueMarker marker(ExposureBudget b) {
        boolean one = b == ExposureBudget.ONE_SECOND;
        Color c = color(b);
        ValueMarker m = new ValueMarker(b.alertsPerSecondPerCore(), c, stroke(b));
        m.setLabel(Units.number(b.alertsPerSecondPerCore()) + "/s");
        m.setLabelFont(Charts.font(Font.BOLD, 12));
        m.setLabelPaint(c);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        m.setLabelAnchor(one ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.BOTTOM_RIGHT);
        // the two lines are close on a log axis: one label above its line, the other below
        m.setLabelTextAnchor(one ? TextAnchor.BOTTOM_RIGHT : TextAnchor.TOP_RIGHT);
        return m;
    }

    private static LegendItemCollection legend(List<ModuleResult> modules) {
        Set<String> types = new LinkedHashSet<>();
        TypeColors.TYPES.stream().filter(t -> modules.stream().anyMatch(m -> t.equals(m.type()))).forEach(types::add);
        modules.forEach(m -> types.add(m.type() == null ? "other" : m.type()));
        LegendItemCollection items = new LegendItemCollection();
        for (String t : types) {
            LegendItem item = new LegendItem(t, TypeColors.of(t));
            item.setShape(new Rectangle2D.Double(-6, -6, 12, 12));
            items.add(item);
        }
        LegendItem err = new LegendItem("± std over loops", Color.BLACK);
        err.setShapeVisible(false);
        err.setLineVisible(true);
        err.setLine(new Line2D.Double(0, -6, 0, 6));
        err.setLineStroke(new BasicStroke(1.5f));
        err.setLinePaint(Color.BLACK);
        items.add(err);
        for (ExposureBudget b : ExposureBudget.ALL) {
            LegendItem line = new LegendItem(Units.number(b.alertsPerSecondPerCore()) + "/s: " + b.label(), color(b));
            line.setShapeVisible(false);
            line.setLineVisible(true);
            line.setLine(new Line2D.Double(-12, 0, 12, 0));
            line.setLineStroke(stroke(b));
            line.setLinePaint(color(b));
            items.add(line);
        }
        return items;
    }

    /** Bars coloured by module type, with the value printed on top and a ± std whisker. */
    private static final class Renderer extends LabelledBarRenderer {

        private final List<ModuleResult> modules;

        Renderer(List<ModuleResult> modules) {
            super(new Color(0x333333), 0.6f, 0.09);
            this.modules = modules;
        }

        @Override
        java.awt.Paint color(int column) {
            return TypeColors.of(modules.get(column).type());
        }

        @Override
        void label(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int column, Number v) {
            ModuleResult m = modules.get(column);
            SampleStats t = m.throughputStats();
            RectangleEdge edge = plot.getRangeAxisEdge();
            double xMid = domainAxis.getCategoryMiddle(column, dataset.getColumnCount(), dataArea, plot.getDomainAxisEdge());
            if (v == null) {
                // an empty slot says why, instead of a zero that a log axis cannot show
                g2.setFont(Charts.font(Font.ITALIC, 13));
                g2.setPaint(new Color(0xA00000));
                String why = "✗ " + Units.status(m);
                int w = g2.getFontMetrics().stringWidth(why);
                g2.drawString(why, (float) (xMid - w / 2.0), (float) (dataArea.getMaxY() - 8));
                return;
            }
            double yTop = rangeAxis.valueToJava2D(Math.min(t.mean(), rangeAxis.getUpperBound()), dataArea, edge);
            if (t.n() >= 2 && t.std() > 0) {
                double lower = Math.max(t.mean() - t.std(), rangeAxis.getLowerBound());
                double upper = Math.min(t.mean() + t.std(), rangeAxis.getUpperBound());
                double yLow = rangeAxis.valueToJava2D(lower, dataArea, edge);
                double yHigh = rangeAxis.valueToJava2D(upper, dataArea, edge);
                double half = Math.max(4, state.getBarWidth() / 4);
                g2.setPaint(Color.BLACK);
                g2.setStroke(new BasicStroke(1.5f));
                g2.draw(new Line2D.Double(xMid, yLow, xMid, yHigh));
                g2.draw(new Line2D.Double(xMid - half, yLow, xMid + half, yLow));
                g2.draw(new Line2D.Double(xMid - half, yHigh, xMid + half, yHigh));
                yTop = Math.min(yTop, yHigh);
            }
            // the value above the whisker, where neither the bar nor the error bar hides it
            g2.setFont(Charts.font(Font.BOLD, 13));
            g2.setPaint(new Color(0x202020));
            String label = Units.rate(t.mean());
            int w = g2.getFontMetrics().stringWidth(label);
            g2.drawString(label, (float) (xMid - w / 2.0), (float) (yTop - 5));
        }
    }
}
