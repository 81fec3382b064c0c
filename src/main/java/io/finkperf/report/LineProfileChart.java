package io.finkperf.report;

import io.finkperf.results.LineProfile.HotLine;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.RunResults;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@code line_profile_<module>.png}: the module's hottest lines as horizontal bars of % of the
 * profiled call's time, labelled {@code file:line  source}, hottest on top.
 */
public final class LineProfileChart implements ReportWriter {

    public static final int TOP = 12;
    static final int SOURCE_CHARS = 60;

    @Override
    public void write(RunResults results, Path dir) throws IOException {
        for (ModuleResult m : results.modules()) {
            if (hasProfile(m)) {
                Charts.write(dir, fileName(m.name()), render(m));
            }
        }
    }

    public static boolean hasProfile(ModuleResult m) {
        return !m.lineProfile().hottestLines(1).isEmpty();
    }

    public static String fileName(String module) {
        return "line_profile_" + module + ".png";
    }

    public static BufferedImage render(ModuleResult m) {
        List<HotLine> hot = m.lineProfile().hottestLines(TOP);
        return chart(m, hot).createBufferedImage(1100, 150 + 34 * Math.max(hot.size(), 3));
    }

    /** "processor.py:42  out.append(rate(j, m))": file name without folders, source trimmed. */
    static String label(HotLine h) {
        String file = h.function().file() == null ? "?" : h.function().file();
        file = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        String src = h.line().source() == null ? "" : h.line().source().strip();
        if (src.length() > SOURCE_CHARS) {
            src = src.substring(0, SOURCE_CHARS - 1) + "…";
        }
        return file + ":" + h.line().line() + "  " + src;
    }

    private static JFreeChart chart(ModuleResult m, List<HotLine> hot) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (HotLine h : hot) {
            data.addValue(h.percentOfTotal(), "% time", label(h));
        }
        CategoryAxis y = new CategoryAxis(null);
        y.setTickLabelFont(Charts.mono(Font.PLAIN, 13));
        y.setMaximumCategoryLabelWidthRatio(0.62f);
        y.setCategoryMargin(0.2);
        y.setLowerMargin(0.02);
        y.setUpperMargin(0.02);
        NumberAxis x = new NumberAxis("% of the profiled call's time (nested functions overlap their callers)");
        x.setLabelFont(Charts.font(Font.PLAIN, 12));
        x.setTickLabelFont(Charts.font(Font.PLAIN, 12));
        double max = hot.stream().mapToDouble(HotLine::percentOfTotal).max().orElse(1);
        x.setRange(0, Math.min(118, Math.max(5, max * 1.18)));
        x.setNumberFormatOverride(new DecimalFormat("0'%'"));
        CategoryPlot plot = new CategoryPlot(data, y, x, new Renderer(hot));
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xD0D0D0));
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(null, Charts.font(Font.BOLD, 16), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle("Hottest lines of " + m.name(), Charts.font(Font.BOLD, 16)));
        String total = m.lineProfile().functions().isEmpty() ? ""
                : " · profiled call " + Units.seconds(m.lineProfile().functions().get(0).totalNs() / 1e9);
        TextTitle sub = new TextTitle(m.entry() + total + " · " + m.nAlerts() + " alerts", Charts.font(Font.PLAIN, 12));
        chart.addSubtitle(sub);
        return chart;
    }

    /** Bar colour follows the heat (pale yellow → red), with the percentage printed at the bar's end. */
    private static final class Renderer extends LabelledBarRenderer {

        private final List<HotLine> hot;

        Renderer(List<HotLine> hot) {
            super(new Color(0x555555), 0.5f, 0.08);
            this.hot = hot;
        }

        @Override
        java.awt.Paint color(int column) {
            return Heat.color(hot.get(column).percentOfTotal());
        }

        @Override
        void label(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int column, Number v) {
            if (v == null) {
                return;
            }
            double yMid = domainAxis.getCategoryMiddle(column, dataset.getColumnCount(), dataArea,
                    plot.getDomainAxisEdge());
            double xEnd = rangeAxis.valueToJava2D(v.doubleValue(), dataArea, plot.getRangeAxisEdge());
            g2.setFont(Charts.font(Font.BOLD, 12));
            g2.setPaint(new Color(0x202020));
            String label = Units.percent(v.doubleValue()) + " %";
            g2.drawString(label, (float) (xEnd + 5), (float) (yMid + g2.getFontMetrics().getAscent() / 2.0 - 1));
        }
    }
}
