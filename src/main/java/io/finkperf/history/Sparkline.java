package io.finkperf.history;

import java.util.List;
import java.util.Locale;

/** A module's trend in a table cell: an inline SVG polyline on a log scale, steps as red (down) or green (up) ticks. */
public final class Sparkline {

    static final int WIDTH = 160;
    static final int HEIGHT = 32;

    private Sparkline() {
    }

    public static String svg(ModuleSeries s) {
        List<ModuleSeries.Point> points = s.points();
        StringBuilder out = new StringBuilder();
        out.append("<svg class=\"spark\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"trend of ").append(points.size()).append(" commits\">");
        if (points.isEmpty()) {
            return out.append("</svg>").toString();
        }
        double lo = points.stream().mapToDouble(p -> Math.log(p.value())).min().orElse(0);
        double hi = points.stream().mapToDouble(p -> Math.log(p.value())).max().orElse(1);
        if (hi - lo < 1e-9 * Math.max(1, hi)) {
            lo -= 1;
            hi += 1;
        }
        out.append("<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" points=\"");
        for (int i = 0; i < points.size(); i++) {
            out.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, points.size()), y(Math.log(points.get(i).value()), lo, hi)));
        }
        out.append("\"/>");
        for (ModuleSeries.ChangePoint c : s.steps()) {
            double x = (x(c.step().index() - 1, points.size()) + x(c.step().index(), points.size())) / 2;
            out.append(String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"2\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>",
                    c.step().changePercent() < 0 ? "step-down" : "step-up", x, x, HEIGHT - 2,
                    c.step().changePercent() < 0 ? "#c62828" : "#2e7d32"));
        }
        int last = points.size() - 1;
        out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#1565c0\"/>",
                x(last, points.size()), y(Math.log(points.get(last).value()), lo, hi)));
        return out.append("</svg>").toString();
    }

    private static double x(int i, int n) {
        return n == 1 ? WIDTH / 2.0 : 3 + i * (WIDTH - 6.0) / (n - 1);
    }

    private static double y(double v, double lo, double hi) {
        return HEIGHT - 3 - (v - lo) / (hi - lo) * (HEIGHT - 6);
    }
}
