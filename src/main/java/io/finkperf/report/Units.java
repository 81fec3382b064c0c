package io.finkperf.report;

import java.util.Locale;

/** Numbers as reports print them: rates with sensible precision, bytes in MiB, percentages. */
final class Units {

    private Units() {
    }

    static String rate(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, f, v);
    }

    /** A threshold as written by hand: 75, 37.5. */
    static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.valueOf(v);
    }

    static String mib(long bytes) {
        return bytes > 0 ? String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0) : "–";
    }

    static String gib(long bytes) {
        return bytes > 0 ? String.format(Locale.ROOT, "%.1f GiB", bytes / 1073741824.0) : "–";
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f", p);
    }

    static String seconds(double s) {
        if (Double.isNaN(s)) {
            return "–";
        }
        if (s >= 1) {
            return String.format(Locale.ROOT, "%.2f s", s);
        }
        return s >= 1e-3 || s == 0 ? String.format(Locale.ROOT, "%.1f ms", s * 1e3)
                : String.format(Locale.ROOT, "%.1f µs", s * 1e6);
    }

    static String status(io.finkperf.results.ModuleResult m) {
        return m.status() == null ? "unknown" : m.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The first line of a possibly long, multi-line message, cut to {@code max} characters. */
    static String oneLine(String s, int max) {
        if (s == null) {
            return "";
        }
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    /** The run's date (YYYY-MM-DD) from an ISO timestamp, or "" when unknown. */
    static String date(String isoTimestamp) {
        return isoTimestamp == null || isoTimestamp.length() < 10 ? "" : isoTimestamp.substring(0, 10);
    }
}
