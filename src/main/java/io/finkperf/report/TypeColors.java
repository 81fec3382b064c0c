package io.finkperf.report;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One colour per module type, the same in every chart and page (Okabe–Ito, colour-blind safe). */
public final class TypeColors {

    /** Types in legend order. */
    public static final List<String> TYPES = List.of("xmatch", "ml", "feature", "flag", "agg");

    private static final Map<String, Color> COLORS = Map.of(
            "xmatch", new Color(0x0072B2),
            "ml", new Color(0xD55E00),
            "feature", new Color(0x009E73),
            "flag", new Color(0xCC79A7),
            "agg", new Color(0xE69F00));
    private static final Color OTHER = new Color(0x7F7F7F);

    private TypeColors() {
    }

    public static Color of(String type) {
        return type == null ? OTHER : COLORS.getOrDefault(type.toLowerCase(Locale.ROOT), OTHER);
    }

    public static String hex(String type) {
        return String.format(Locale.ROOT, "#%06x", of(type).getRGB() & 0xFFFFFF);
    }
}
