package io.finkperf.history;

import io.finkperf.report.TypeColors;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A module's trend: one point per commit (median of its runs) with the loops' spread as a bar,
 * the fitted levels as horizontal segments with each step's size, release tags and machine
 * changes as vertical lines.
 */
public final class TrendChart {

    static final Color STEP_DOWN = new Color(0xC62828);
    static final Color STEP_UP = new Color(0x2E7D32);
    static final Color LEVEL = new Color(0x1565C0);
    static final Color MACHINE = new Color(0x757575);
    static final Color TAG = new Color(0x6A1B9A);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private TrendChart() {
    }

    public static byte[] png(ModuleSeries s, int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(render(s, width, height), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG", e);
        }
    }

    public static BufferedImage render(ModuleSeries s, int width, int height) {
        return chart(s).createBufferedImage(width, height);
    }

    static JFreeChart chart(ModuleSeries s) {
        List<ModuleSeries.Point> points = s.points();
        YIntervalSeries data = new YIntervalSeries(s.measure().label());
        for (int i = 0; i < points.size(); i++) {
            ModuleSeries.Point p = points.get(i);
            data.add(i, p.value(), p.low(), p.high());
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(data);

        NumberAxis x = new NumberAxis("commit (oldest → newest)");
        x.setRange(-0.7, Math.max(points.size() - 0.3, 1));
        x.setTickUnit(new NumberTickUnit(tickStep(points.size())));
        x.setNumberFormatOverride(new CommitFormat(points));
        x.setVerticalTickLabels(points.size() > 12);
        x.setTickLabelFont(font(Font.PLAIN, 11));
        x.setLabelFont(font(Font.PLAIN, 12));
        double lo = points.stream().mapToDouble(ModuleSeries.Point::low).filter(v -> v > 0).min().orElse(1);
        double hi = points.stream().mapToDouble(ModuleSeries.Point::high).max().orElse(1);
        ValueAxis y = yAxis(s.measure().label() + "  (median of runs; bar: every loop)", lo, hi);
        // step labels hang just below the top of the plot
        double top = y.getUpperBound();
        double bottom = y.getLowerBound();
        double labelY = y instanceof LogAxis ? top / Math.pow(top / bottom, 0.015) : top - (top - bottom) * 0.015;

        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);
        renderer.setSeriesPaint(0, s.type() == null ? Color.DARK_GRAY : TypeColors.of(s.type()).darker());
        renderer.setErrorPaint(new Color(0x90A4AE));
        renderer.setErrorStroke(new BasicStroke(1.2f));
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));

        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineVisible(false);
        addLevels(plot, s, labelY);
        addMarkers(plot, points);

        JFreeChart chart = new JFreeChart(null, font(Font.BOLD, 15), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(s.module() + " — " + s.measure().label() + " per commit", font(Font.BOLD, 16)));
        chart.addSubtitle(new TextTitle(subtitle(s), font(Font.PLAIN, 12)));
        TextTitle legend = new TextTitle("blue segments: fitted levels · red/green: step down/up · "
                + "grey dashes: machine changed · purple: release tags", font(Font.ITALIC, 11));
        legend.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(legend);
        return chart;
    }

    /** Linear while the values stay within a factor 3 (small steps stay visible), else logarithmic. */
    static ValueAxis yAxis(String label, double lo, double hi) {
        ValueAxis y;
        if (hi / lo > 3) {
            LogAxis log = new LogAxis(label);
            log.setBase(10);
            log.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
            // from a decade, labelled at decades, so the ticks read 100, 1,000, 10,000
            log.setRange(Math.pow(10, Math.floor(Math.log10(lo / Math.pow(hi / lo, 0.06)))), hi * Math.pow(hi / lo, 0.2));
            log.setTickUnit(new NumberTickUnit(1.0));
            log.setMinorTickCount(9);
            log.setMinorTickMarksVisible(true);
            y = log;
        } else {
            NumberAxis lin = new NumberAxis(label);
            lin.setAutoRangeIncludesZero(false);
            lin.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
            double pad = Math.max((hi - lo) * 0.15, hi * 0.02);
            lin.setRange(Math.max(0, lo - pad), hi + pad * 1.6);
            y = lin;
        }
        y.setLabelFont(font(Font.PLAIN, 12));
        y.setTickLabelFont(font(Font.PLAIN, 11));
        return y;
    }

    private static void addLevels(XYPlot plot, ModuleSeries s, double labelY) {
        List<ModuleSeries.Point> points = s.points();
        List<ModuleSeries.ChangePoint> steps = s.steps();
        int from = 0;
        for (int k = 0; k <= steps.size(); k++) {
            int to = k < steps.size() ? steps.get(k).step().index() : points.size();
            if (to > from) {
                double level = geometricMean(points, from, to);
                plot.addAnnotation(new XYLineAnnotation(from - 0.35, level, to - 0.65, level,
                        new BasicStroke(3f), new Color(LEVEL.getRed(), LEVEL.getGreen(), LEVEL.getBlue(), 170)));
            }
            if (k < steps.size()) {
                ModuleSeries.ChangePoint c = steps.get(k);
                double at = c.step().index() - 0.5;
                Color color = c.step().changePercent() < 0 ? STEP_DOWN : STEP_UP;
                plot.addAnnotation(new XYLineAnnotation(at, c.step().before(), at, c.step().after(),
                        new BasicStroke(2.5f), color));
                XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.ROOT, "%+.0f %%  %s", c.step().changePercent(),
                        c.range()), at, labelY);
                label.setFont(font(Font.BOLD, 12));
                label.setPaint(color);
                label.setTextAnchor(TextAnchor.TOP_CENTER);
                label.setBackgroundPaint(new Color(255, 255, 255, 220));
                plot.addAnnotation(label);
            }
            from = to;
        }
    }

    private static void addMarkers(XYPlot plot, List<ModuleSeries.Point> points) {
        for (int i = 0; i < points.size(); i++) {
            ModuleSeries.Point p = points.get(i);
            if (p.fingerprintChanged()) {
                ValueMarker m = new ValueMarker(i - 0.5, MACHINE, new BasicStroke(1.3f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
                label(m, "machine changed", Font.PLAIN, MACHINE, RectangleAnchor.BOTTOM_LEFT, TextAnchor.BOTTOM_RIGHT);
                plot.addDomainMarker(m, Layer.BACKGROUND);
            }
            if (p.commit() != null && !p.commit().tags().isEmpty()) {
                ValueMarker m = new ValueMarker(i, new Color(TAG.getRed(), TAG.getGreen(), TAG.getBlue(), 90),
                        new BasicStroke(1f));
                label(m, p.commit().tags().get(0), Font.BOLD, TAG, RectangleAnchor.TOP_RIGHT, TextAnchor.TOP_LEFT);
                plot.addDomainMarker(m, Layer.BACKGROUND);
            }
        }
    }

    /** A marker's label in its colour, on a nearly opaque white box so that the trend line does not cross it. */
    private static void label(ValueMarker m, String text, int fontStyle, Color color, RectangleAnchor anchor,
            TextAnchor textAnchor) {
        m.setLabel(text);
        m.setLabelFont(font(fontStyle, 11));
        m.setLabelPaint(color);
        m.setLabelAnchor(anchor);
        m.setLabelTextAnchor(textAnchor);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 220));
    }

    static String subtitle(ModuleSeries s) {
        long runs = s.points().stream().mapToLong(p -> p.runs().size()).sum();
        String steps = s.steps().isEmpty() ? "no step"
                : s.steps().size() + (s.steps().size() == 1 ? " step" : " steps");
        ModuleSeries.Point last = s.latest();
        return String.format(Locale.ROOT, "%d run%s over %d commit%s · latest %s · %s", runs, runs == 1 ? "" : "s",
                s.points().size(), s.points().size() == 1 ? "" : "s",
                last == null ? "—" : new DecimalFormat("#,##0.#").format(last.value()), steps);
    }

    static double geometricMean(List<ModuleSeries.Point> points, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += Math.log(points.get(i).value());
        }
        return Math.exp(sum / (to - from));
    }

    /** At most ~30 commit labels along the axis. */
    static int tickStep(int n) {
        return Math.max(1, (int) Math.ceil(n / 30.0));
    }

    private static Font font(int style, int size) {
        return new Font(Font.SANS_SERIF, style, size);
    }

    /** Axis labels: the commit at an integer position, its tag when it has one. */
    private static final class CommitFormat extends NumberFormat {

        private final transient List<ModuleSeries.Point> points;

        CommitFormat(List<ModuleSeries.Point> points) {
            this.points = points;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            long i = Math.round(number);
            if (Math.abs(number - i) < 1e-6 && i >= 0 && i < points.size() && points.get((int) i).commit() != null) {
                to.append(points.get((int) i).commit().label());
            }
            return to;
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }
    }
}
