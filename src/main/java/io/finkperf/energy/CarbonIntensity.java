package io.finkperf.energy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Grams of CO2-equivalent per kWh of electricity, with where the figure comes from. The table holds
 * rounded annual averages of generation (life-cycle) intensity; a real grid varies by hour and
 * season by a factor of 2 or more, so {@code --intensity} overrides them.
 */
public record CarbonIntensity(String code, double gramsPerKWh, String source) {

    private static final String EMBER = "Ember, Yearly electricity data 2023 (life-cycle gCO2eq/kWh of generation), rounded";

    /** Known codes, in the order --help lists them. */
    public static final Map<String, CarbonIntensity> TABLE = table(
            new CarbonIntensity("FR", 56, EMBER + "; RTE eCO2mix gives a lower direct-emission figure"),
            new CarbonIntensity("DE", 381, EMBER),
            new CarbonIntensity("GB", 238, EMBER),
            new CarbonIntensity("US", 369, EMBER),
            new CarbonIntensity("WORLD", 475, "IEA world average, as used by codecarbon and Green Algorithms"));

    public static final String DEFAULT_CODE = "FR";

    public CarbonIntensity {
        if (!(gramsPerKWh >= 0) || Double.isInfinite(gramsPerKWh)) {
            throw new IllegalArgumentException("carbon intensity must be a finite number >= 0, got " + gramsPerKWh);
        }
    }

    /** A table entry by code (case-insensitive); the message lists the known codes. */
    public static CarbonIntensity of(String code) {
        CarbonIntensity c = code == null ? null : TABLE.get(code.strip().toUpperCase(Locale.ROOT));
        if (c == null) {
            throw new IllegalArgumentException("unknown country '" + code + "': known are "
                    + String.join(", ", TABLE.keySet()) + " (or give --intensity G in gCO2eq/kWh)");
        }
        return c;
    }

    public static CarbonIntensity custom(double gramsPerKWh) {
        return new CarbonIntensity("custom", gramsPerKWh, "given with --intensity");
    }

    private static Map<String, CarbonIntensity> table(CarbonIntensity... rows) {
        Map<String, CarbonIntensity> m = new LinkedHashMap<>();
        for (CarbonIntensity r : rows) {
            m.put(r.code(), r);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
