package io.finkperf.report;

import io.finkperf.results.Comparison;
import io.finkperf.results.ComparisonModule;
import io.finkperf.results.ComparisonVerdict;
import io.finkperf.results.RatioEstimate;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code compare.png}: one row per module, head/base with its interval as whiskers on a log axis,
 * the A/A noise band shaded around 1, the ±threshold lines dashed, coloured by verdict.
 */
public final class CompareChart implements ComparisonWriter {

    public static final String FILE = "compare.png";
    static final Color SLOWER = new Color(0xC6, 0x28, 0x28);
    static final Color FASTER = new Color(0x2E, 0x7D, 0x32);
    static final Color UNCHANGED = new Color(0x45, 0x5A, 0x64);
    static final Color NOISY = new Color(0xB0, 0xBE, 0xC5);
    static final Color NOISE_BAND = new Color(0xE3, 0xEA, 0xF2);
    private static final int WIDTH = 900;
    private static final int ROW = 44;
    private static final int LEFT = 190;
    private static final int RIGHT = 230;
    private static final int TOP = 64;
    private static final int BOTTOM = 56;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Override
    public void write(Comparison c, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(FILE), png(c));
    }

    static byte[] png(Comparison c) {
        List<ComparisonModule> rows = c.modules();
        int height = TOP + BOTTOM + ROW * Math.max(1, rows.size());
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        double t = c.settings().threshold();
        double[] range = range(rows, t);
        Axis x = new Axis(range[0], range[1], LEFT, WIDTH - RIGHT);

        g.setColor(Color.BLACK);
        g.setFont(Charts.font(Font.BOLD, 15));
        String metric = "cpu".equals(c.settings().metric()) ? "CPU time" : "wall time";
        g.drawString("head / base, " + metric + " per alert" + (c.interleaved() ? ""
                : "  (not interleaved: drift not cancelled)"), LEFT, 24);
        g.setFont(Charts.font(Font.PLAIN, 11));
        g.setColor(UNCHANGED);
        g.drawString(String.format(Locale.ROOT, "%s interval; shaded: A/A noise floor; dashed: ±%s %% threshold; "
                + "log axis", pct(c.settings().confidence()), Units.number(100 * t)), LEFT, 42);

        int plotTop = TOP;
        int plotBottom = TOP + ROW * Math.max(1, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ComparisonModule m = rows.get(i);
            int y0 = TOP + i * ROW;
            int yc = y0 + ROW / 2;
            if (i % 2 == 1) {
                g.setColor(new Color(0xFA, 0xFA, 0xFA));
                g.fillRect(LEFT, y0, WIDTH - RIGHT - LEFT, ROW);
            }
            if (m.noiseFloor() != null) {
                double lo = x.px(Math.max(range[0], 1 - m.noiseFloor()));
                double hi = x.px(Math.min(range[1], 1 + m.noiseFloor()));
                g.setColor(NOISE_BAND);
                g.fill(new Rectangle2D.Double(lo, y0 + 6, hi - lo, ROW - 12));
            }
            g.setColor(Color.BLACK);
            g.setFont(Charts.mono(Font.PLAIN, 13));
            g.drawString(clip(m.name(), 22), 10, yc + 5);
            Color col = colour(m.verdict());
            RatioEstimate r = m.time();
            if (r != null && !Double.isNaN(r.ratio())) {
                g.setColor(col);
                g.setStroke(new BasicStroke(2.2f));
                double a = x.px(clamp(r.low(), range));
                double b = x.px(clamp(r.high(), range));
                g.draw(new Line2D.Double(a, yc, b, yc));
                g.draw(new Line2D.Double(a, yc - 6, a, yc + 6));
                g.draw(new Line2D.Double(b, yc - 6, b, yc + 6));
                double p = x.px(clamp(r.ratio(), range));
                g.fill(new Ellipse2D.Double(p - 5, yc - 5, 10, 10));
            }
            g.setColor(col);
            g.setFont(Charts.font(Font.BOLD, 12));
            String label = (r == null ? "" : String.format(Locale.ROOT, "%.3f  ", r.ratio())) + m.verdict().label()
                    + (m.outputChanged() ? ", OUTPUT CHANGED" : "");
            g.drawString(clip(label, 34), WIDTH - RIGHT + 12, yc + 5);
        }
        // reference lines over the rows
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
        g.setColor(new Color(0x90, 0x90, 0x90));
        for (double v : new double[] {1 - t, 1 + t}) {
            if (v > range[0] && v < range[1]) {
                g.draw(new Line2D.Double(x.px(v), plotTop, x.px(v), plotBottom));
            }
        }
        g.setStroke(new BasicStroke(1.3f));
        g.setColor(Color.BLACK);
        g.draw(new Line2D.Double(x.px(1), plotTop, x.px(1), plotBottom));
        g.draw(new Line2D.Double(LEFT, plotBottom, WIDTH - RIGHT, plotBottom));
        g.setFont(Charts.font(Font.PLAIN, 11));
        for (double tick : ticks(range)) {
            double px = x.px(tick);
            g.draw(new Line2D.Double(px, plotBottom, px, plotBottom + 4));
            String s = Units.number(tick);
            g.drawString(s, (float) (px - g.getFontMetrics().stringWidth(s) / 2.0), plotBottom + 17);
        }
        g.drawString("← faster    head / base    slower →", (WIDTH - RIGHT + LEFT) / 2 - 90, plotBottom + 38);
        g.dispose();
        return Charts.png(img);
    }

    static Color colour(ComparisonVerdict v) {
        return switch (v) {
            case SLOWER, FAILED_ON_HEAD, FAILED_ON_BOTH -> SLOWER;
            case FASTER -> FASTER;
            case TOO_NOISY -> NOISY;
            default -> UNCHANGED;
        };
    }

    /** At least 0.8–1.25, widened to every interval and noise band, symmetric on the log axis. */
    static double[] range(List<ComparisonModule> rows, double threshold) {
        double far = Math.max(Math.log(1.25), Math.log(1 + threshold) * 1.5);
        for (ComparisonModule m : rows) {
            if (m.time() != null) {
                for (double v : new double[] {m.time().low(), m.time().high(), m.time().ratio()}) {
                    if (v > 0 && Double.isFinite(v)) {
                        far = Math.max(far, Math.abs(Math.log(v)) * 1.1);
                    }
                }
            }
            if (m.noiseFloor() != null && m.noiseFloor() < 0.99) {
                far = Math.max(far, Math.abs(Math.log(1 - m.noiseFloor())) * 1.05);
            }
        }
        far = Math.min(far, Math.log(20));
        return new double[] {Math.exp(-far), Math.exp(far)};
    }

    static List<Double> ticks(double[] range) {
        List<Double> all = List.of(0.05, 0.1, 0.2, 0.5, 0.67, 0.8, 0.9, 0.95, 1.0, 1.05, 1.1, 1.25, 1.5, 2.0, 5.0, 10.0, 20.0);
        List<Double> in = all.stream().filter(v -> v >= range[0] && v <= range[1]).toList();
        if (in.size() <= 9) {
            return in;
        }
        return in.stream().filter(v -> List.of(0.05, 0.1, 0.2, 0.5, 0.8, 1.0, 1.25, 2.0, 5.0, 10.0, 20.0).contains(v)).toList();
    }

    private static double clamp(double v, double[] range) {
        return Math.max(range[0], Math.min(range[1], v));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String pct(double confidence) {
        return Units.number(100 * confidence) + " %";
    }

    private record Axis(double min, double max, double left, double right) {
        double px(double v) {
            return left + (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min)) * (right - left);
        }
    }
}
