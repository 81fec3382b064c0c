package io.finkperf.report;

import io.finkperf.results.EnergyResult;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.RunResults;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@code energy.png}: each module's own energy (A − B) per 1 000 alerts, CPU and RAM stacked, with
 * the yearly CO2 at the configured alert rate above each bar and the method in the subtitle. Read
 * from {@code extra.energy} ({@link EnergyResult}); modules without an estimate are listed under the plot.
 */
public final class EnergyChart implements ReportWriter {

    public static final String FILE = "energy.png";
    static final String CPU = "CPU (A − B)";
    static final String RAM = "RAM (A − B)";
    static final Color CPU_COLOR = new Color(0x0072B2);
    static final Color RAM_COLOR = new Color(0xE69F00);

    @Override
    public void write(RunResults results, Path dir) throws IOException {
        Charts.write(dir, FILE, render(results));
    }

    public static BufferedImage render(RunResults results) {
        int width = Math.max(900, 180 + 90 * results.modules().size());
        return chart(results).createBufferedImage(width, 640);
    }

    /** The estimates in module order; modules without one are absent. */
    static Map<ModuleResult, EnergyResult> estimates(RunResults results) {
        Map<ModuleResult, EnergyResult> out = new LinkedHashMap<>();
        for (ModuleResult m : results.modules()) {
            EnergyResult e = m.ok() ? m.extra().energy() : null;
            if (e != null && Double.isFinite(e.netJPer1000Alerts())) {
                out.put(m, e);
            }
        }
        return out;
    }

    /** Two series (CPU, RAM), one category per module with an estimate; a negative part (noise) is 0. */
    static DefaultCategoryDataset dataset(Map<ModuleResult, EnergyResult> estimates) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        estimates.forEach((m, e) -> {
            data.addValue(Math.max(0, per1000(e, e.netCpuJ())), CPU, m.name());
            data.addValue(Math.max(0, per1000(e, e.netRamJ())), RAM, m.name());
        });
        return data;
    }

    static JFreeChart chart(RunResults results) {
        Map<ModuleResult, EnergyResult> estimates = estimates(results);
        DefaultCategoryDataset data = dataset(estimates);
        CategoryAxis x = new CategoryAxis(null);
        x.setTickLabelFont(Charts.font(Font.PLAIN, 13));
        x.setCategoryMargin(0.3);
        int longest = estimates.keySet().stream().mapToInt(m -> m.name().length()).max().orElse(0);
        if (longest > 18 || estimates.size() > 8) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        } else {
            x.setMaximumCategoryLabelLines(2);
        }
        NumberAxis y = new NumberAxis("joules per 1 000 alerts  (module run A − idle baseline B, before PUE)");
        y.setLabelFont(Charts.font(Font.PLAIN, 13));
        y.setTickLabelFont(Charts.font(Font.PLAIN, 12));
        double max = estimates.values().stream()
                .mapToDouble(e -> Math.max(0, per1000(e, e.netCpuJ())) + Math.max(0, per1000(e, e.netRamJ())))
                .max().orElse(0);
        boolean withCodecarbon = estimates.values().stream().anyMatch(e -> Double.isFinite(e.codecarbonNetJPer1000Alerts()));
        double upper = max > 0 ? max * (withCodecarbon ? 1.32 : 1.2) : 1;
        y.setRange(0, upper);

        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(new Color(0x333333));
        renderer.setDefaultOutlineStroke(new BasicStroke(0.6f));
        renderer.setMaximumBarWidth(0.1);
        renderer.setSeriesPaint(0, CPU_COLOR);
        renderer.setSeriesPaint(1, RAM_COLOR);

        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xD0D0D0));
        plot.setOutlineVisible(false);
        estimates.forEach((m, e) -> {
            double top = Math.max(0, per1000(e, e.netCpuJ())) + Math.max(0, per1000(e, e.netRamJ()));
            plot.addAnnotation(annotation(label(e), m.name(), top, Font.BOLD, new Color(0x202020)));
            String cc = codecarbonLabel(e);
            if (cc != null) {
                // one line higher: codecarbon's own A − B, beside ours
                plot.addAnnotation(annotation(cc, m.name(), top + upper * 0.055, Font.ITALIC, new Color(0x6A1B9A)));
            }
        });

        JFreeChart chart = new JFreeChart(null, Charts.font(Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle("Energy of " + RunTitle.withDate(results), Charts.font(Font.BOLD, 17)));
        for (String line : subtitle(results, estimates)) {
            chart.addSubtitle(new TextTitle(line, Charts.font(Font.PLAIN, 12)));
        }
        chart.getLegend().setPosition(RectangleEdge.TOP);
        chart.getLegend().setItemFont(Charts.font(Font.PLAIN, 12));
        chart.getLegend().setFrame(new BlockBorder(Color.WHITE));
        List<String> none = results.modules().stream().filter(m -> !estimates.containsKey(m))
                .map(m -> m.name() + " (" + (m.ok() ? "not measured" : status(m)) + ")").toList();
        String foot = "Estimates good to a factor of ~2: see docs/energy.md."
                + (none.isEmpty() ? "" : "  No bar for: " + String.join(", ", none));
        TextTitle note = new TextTitle(foot, Charts.font(Font.ITALIC, 12));
        note.setPosition(RectangleEdge.BOTTOM);
        note.setPaint(none.isEmpty() ? new Color(0x555555) : new Color(0xA00000));
        chart.addSubtitle(note);
        return chart;
    }

    private static CategoryTextAnnotation annotation(String text, String category, double value, int style, Color c) {
        CategoryTextAnnotation a = new CategoryTextAnnotation(text, category, value);
        a.setFont(Charts.font(style, 12));
        a.setPaint(c);
        a.setTextAnchor(TextAnchor.BOTTOM_CENTER);
        return a;
    }

    /** "9.83 J · 11.5 gCO2e/yr": A − B per 1 000 alerts and a year of it at the configured rate. */
    static String label(EnergyResult e) {
        return joules(e.netJPer1000Alerts()) + " · " + co2(e.kgCo2PerYear()) + "/yr";
    }

    /** codecarbon's own A − B per 1 000 alerts and its mode, when it ran beside us; else null. */
    static String codecarbonLabel(EnergyResult e) {
        double cc = e.codecarbonNetJPer1000Alerts();
        return Double.isFinite(cc) ? "codecarbon (" + e.codecarbonMode() + "): " + joules(cc) : null;
    }

    /** Method(s), power figures, and the CO2 settings: what every number on the chart depends on. */
    static List<String> subtitle(RunResults r, Map<ModuleResult, EnergyResult> estimates) {
        List<String> lines = new ArrayList<>();
        if (estimates.isEmpty()) {
            lines.add("no module has an energy estimate (the driver reported no energy object)");
            return lines;
        }
        Map<String, Long> methods = new LinkedHashMap<>();
        estimates.values().forEach(e -> methods.merge(e.method(), 1L, Long::sum));
        List<String> m = new ArrayList<>();
        methods.forEach((k, n) -> m.add(methods.size() == 1 ? k : k + " (" + n + ")"));
        EnergyResult first = estimates.values().iterator().next();
        List<String> parts = new ArrayList<>();
        parts.add("method: " + String.join(", ", m));
        if (methods.keySet().stream().anyMatch(k -> k.startsWith("model") || k.endsWith("model:ram"))) {
            String how = "table".equals(first.cpuPowerHow()) || first.cpuPowerHow() == null ? ""
                    : " (" + first.cpuPowerHow().replace('-', ' ') + ")";
            parts.add(String.format(Locale.ROOT, "%.2f W/core%s, RAM %.3f W/GiB", first.wattsPerCore(), how,
                    first.ramWattsPerGib()));
        }
        if (r.environment() != null && r.environment().cpuModel() != null) {
            parts.add(r.environment().cpuModel());
        }
        lines.add(String.join(" · ", parts));
        lines.add(String.format(Locale.ROOT, "CO2: × PUE %.2f × %s %.0f gCO2eq/kWh · %s alerts/night × %s nights/year",
                first.pue(), first.intensityCode(), first.intensityGPerKWh(), grouped(first.alertsPerNight()),
                grouped(first.nightsPerYear())));
        return lines;
    }

    private static double per1000(EnergyResult e, double joules) {
        return e.alerts() > 0 ? 1000 * joules / e.alerts() : Double.NaN;
    }

    /** Three significant digits at most: these are factor-of-2 estimates. */
    static String joules(double j) {
        double a = Math.abs(j);
        return a >= 1000 ? sig(j / 1000) + " kJ" : a >= 1 || a == 0 ? sig(j) + " J" : sig(j * 1000) + " mJ";
    }

    static String co2(double kg) {
        double a = Math.abs(kg);
        return a >= 1 ? sig(kg) + " kgCO2e" : a >= 1e-3 ? sig(kg * 1e3) + " gCO2e" : sig(kg * 1e6) + " mgCO2e";
    }

    private static String sig(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    private static String grouped(double v) {
        return String.format(Locale.ROOT, "%,.0f", v).replace(',', ' ');
    }

    private static String status(ModuleResult m) {
        return m.status() == null ? "unknown" : m.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
