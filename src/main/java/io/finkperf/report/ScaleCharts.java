package io.finkperf.report;

import io.finkperf.results.LengthFit;
import io.finkperf.results.LengthRun;
import io.finkperf.results.RunResults;
import io.finkperf.results.ScaleReport;
import io.finkperf.results.ScaleResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The scale charts: {@code scale_cost.png} (log-log t(N) per call with the fitted a + b·N),
 * {@code scale_length.png} (CPU time per alert against light-curve length with the fitted exponent)
 * and {@code scale_night.png} (the night's core-hours as one stacked bar per survey budget).
 */
public final class ScaleCharts implements ReportWriter {

    public static final String COST = "scale_cost.png";
    public static final String LENGTH = "scale_length.png";
    public static final String NIGHT = "scale_night.png";
    static final Color[] PALETTE = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
        new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF)};

    @Override
    public void write(RunResults results, Path dir) throws IOException {
        ScaleReport r = results.scale();
        if (!hasCharts(r)) {
            return;
        }
        Files.createDirectories(dir);
        Files.write(dir.resolve(COST), Charts.png(cost(r).createBufferedImage(1000, 640)));
        Files.write(dir.resolve(LENGTH), Charts.png(length(r).createBufferedImage(1000, 640)));
        Files.write(dir.resolve(NIGHT), Charts.png(night(r).createBufferedImage(1000, 300)));
    }

    static boolean hasCharts(ScaleReport r) {
        return r != null && r.modules().stream().anyMatch(ScaleResult::ok);
    }

    static JFreeChart cost(ScaleReport r) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        for (ScaleResult m : ok(r)) {
            Color c = color(r, m);
            XYSeries measured = new XYSeries(m.module() + " measured");
            m.batchSizes().forEach(b -> measured.add(b.n(), b.calls().meanCpuNs() / 1e6));
            var f = m.costFit();
            XYSeries fit = new XYSeries(String.format(Locale.ROOT, "%s: %.3f ms + %.2f µs·N", m.module(), f.aNs() / 1e6, f.bNs() / 1e3));
            int lo = f.batchSizes().stream().mapToInt(Integer::intValue).min().orElse(1);
            int hi = f.batchSizes().stream().mapToInt(Integer::intValue).max().orElse(10);
            for (double n = lo; n <= hi * 1.0001; n *= Math.pow(10, 0.1)) {
                fit.add(n, (f.aNs() + f.bNs() * n) / 1e6);
            }
            styleSeries(renderer, data, measured, fit, c);
        }
        XYPlot plot = new XYPlot(data, log("alerts per call N"), log("CPU time per call t(N), ms"), renderer);
        return chart(plot, "Cost per call against batch size: t(N) = a + b·N",
                "points: mean CPU time of calls on the data's alerts (sampled or repeated); lines: the fit (1/t² weights)");
    }

    static JFreeChart length(ScaleReport r) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        for (ScaleResult m : ok(r)) {
            LengthFit l = m.lengthFit();
            if (l == null) {
                continue;
            }
            Color c = color(r, m);
            XYSeries measured = new XYSeries(m.module() + " resized");
            for (int j = 0; j < l.lengths().size(); j++) {
                measured.add(l.lengths().get(j).doubleValue(), Math.max(l.perAlertNs().get(j) / 1e3, 1e-3));
            }
            String label = l.flat() ? m.module() + ": flat" : String.format(Locale.ROOT, "%s: t ∝ L^%.2f", m.module(), l.exponent());
            XYSeries fit = new XYSeries(label);
            double lo = l.lengths().stream().mapToDouble(Double::doubleValue).min().orElse(1);
            double hi = l.projections().stream().mapToDouble(LengthFit.Projection::length).max().orElse(1000);
            for (double x = lo; x <= hi * 1.0001; x *= Math.pow(10, 0.05)) {
                fit.add(x, Math.max(l.at(x) / 1e3, 1e-3));
            }
            styleSeries(renderer, data, measured, fit, c);
            XYSeries real = new XYSeries(m.module() + " data's own alerts");
            for (LengthRun b : m.realBins()) {
                real.add(b.points(), Math.max(b.perAlertNs(m.costFit().aNs()) / 1e3, 1e-3));
            }
            int k = addPoints(renderer, data, real, c, new Rectangle2D.Double(-5, -5, 10, 10));
            renderer.setSeriesShapesFilled(k, false);
        }
        XYPlot plot = new XYPlot(data, log("points in the light curve L"), log("CPU time per alert, µs"), renderer);
        return chart(plot, "Cost per alert against light-curve length",
                "dots: the same alerts cut or extended to L points; squares: the data's own alerts by length bin; lines: fit, "
                        + "projected to " + r.settings().projectLengths() + " points");
    }

    static JFreeChart night(ScaleReport r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<ScaleResult> modules = r.byNightCost();
        var t = r.total();
        double budget = 0;
        for (ScaleResult m : modules) {
            data.addValue(t.coreHours() > 0 ? 100 * m.night().coreHours() / t.coreHours() : 0, m.module(), "share of the night");
            budget += m.night().shareOfOneSecondBudget();
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.5);
        for (int i = 0; i < modules.size(); i++) {
            renderer.setSeriesPaint(i, color(r, modules.get(i)));
        }
        // a segment too narrow for its label still has its share in the legend
        renderer.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset d, int row, int column) {
                double v = d.getValue(row, column).doubleValue();
                return v >= 8 ? d.getRowKey(row) + " " + Units.percent(v) + " %" : null;
            }
        });
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(Charts.font(Font.BOLD, 13));
        renderer.setDefaultItemLabelPaint(Color.WHITE);
        NumberAxis y = new NumberAxis("% of the pipeline's core-hours a night");
        y.setRange(0, 100);
        CategoryAxis x = new CategoryAxis(null);
        x.setTickLabelsVisible(false);
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xD0D0D0));
        var s = r.settings();
        JFreeChart chart = new JFreeChart(null, Charts.font(Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(String.format(Locale.ROOT, "What a night costs: %s core-hours for %,.0f %s alerts",
                ScaleMarkdown.sig(t.coreHours()), s.alertsPerNight(), s.survey()), Charts.font(Font.BOLD, 16)));
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT,
                "%,d alerts per call; %s of wall time on %d cores; %s Wh; %s %% of the 1 s/exposure budget (75 alerts/s/core)",
                s.brokerBatch(), Units.seconds(t.wallHoursOnCores() * 3600), s.cores(), ScaleMarkdown.sig(t.energyKWh() * 1000),
                Units.percent(100 * budget)), Charts.font(Font.PLAIN, 12)));
        var legend = new org.jfree.chart.LegendItemCollection();
        for (ScaleResult m : modules) {
            double share = t.coreHours() > 0 ? 100 * m.night().coreHours() / t.coreHours() : 0;
            legend.add(new org.jfree.chart.LegendItem(m.module() + " " + Units.percent(share) + " %", color(r, m)));
        }
        plot.setFixedLegendItems(legend);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setItemFont(Charts.font(Font.PLAIN, 12));
        return chart;
    }

    /** One colour per module, the same in every chart: its place in the run. */
    static Color color(ScaleReport r, ScaleResult m) {
        return PALETTE[Math.max(0, r.modules().indexOf(m)) % PALETTE.length];
    }

    private static List<ScaleResult> ok(ScaleReport r) {
        return r.modules().stream().filter(ScaleResult::ok).toList();
    }

    private static void styleSeries(XYLineAndShapeRenderer renderer, XYSeriesCollection data, XYSeries measured, XYSeries fit,
                                    Color c) {
        int k = addPoints(renderer, data, measured, c, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        renderer.setSeriesVisibleInLegend(k, false);
        data.addSeries(fit);
        k = data.getSeriesCount() - 1;
        renderer.setSeriesPaint(k, c);
        renderer.setSeriesShapesVisible(k, false);
        renderer.setSeriesStroke(k, new BasicStroke(2f));
    }

    /** Adds {@code points} drawn as unconnected {@code shape}s in colour {@code c}; returns its series index. */
    private static int addPoints(XYLineAndShapeRenderer renderer, XYSeriesCollection data, XYSeries points, Color c,
                                 Shape shape) {
        data.addSeries(points);
        int k = data.getSeriesCount() - 1;
        renderer.setSeriesPaint(k, c);
        renderer.setSeriesLinesVisible(k, false);
        renderer.setSeriesShape(k, shape);
        return k;
    }

    private static LogAxis log(String label) {
        LogAxis a = new LogAxis(label);
        a.setBase(10);
        a.setSmallestValue(1e-4);
        a.setLabelFont(Charts.font(Font.PLAIN, 13));
        a.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
        a.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0)); // decades, in log space
        a.setMinorTickCount(9);
        a.setMinorTickMarksVisible(true);
        return a;
    }

    private static JFreeChart chart(XYPlot plot, String title, String subtitle) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xD0D0D0));
        plot.setRangeGridlinePaint(new Color(0xD0D0D0));
        JFreeChart chart = new JFreeChart(null, Charts.font(Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(title, Charts.font(Font.BOLD, 16)));
        chart.addSubtitle(new TextTitle(subtitle, Charts.font(Font.PLAIN, 12)));
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setItemFont(Charts.font(Font.PLAIN, 12));
        return chart;
    }
}
