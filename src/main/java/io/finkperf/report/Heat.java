package io.finkperf.report;

import java.awt.Color;
import java.util.Locale;

/** % of time as a colour, pale yellow (cold) to deep red (hot); one scale for PNG and HTML. */
final class Heat {

    private static final Color COLD = new Color(0xFFF3B0);
    private static final Color WARM = new Color(0xF59E3B);
    private static final Color HOT = new Color(0xC0271B);

    private Heat() {
    }

    static Color color(double percent) {
        double t = Math.max(0, Math.min(1, percent / 50.0)); // 50 % and above is as hot as it gets
        return t < 0.5 ? mix(COLD, WARM, t * 2) : mix(WARM, HOT, (t - 0.5) * 2);
    }

    /** A translucent CSS background for a table row, transparent at 0 %. */
    static String css(double percent) {
        if (percent <= 0) {
            return "";
        }
        Color c = color(percent);
        // light enough that dark source text stays readable on the hottest line
        double alpha = 0.15 + 0.4 * Math.min(1, percent / 50.0);
        return String.format(Locale.ROOT, "rgba(%d,%d,%d,%.2f)", c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
