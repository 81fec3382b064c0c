package io.finkperf.energy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The driver's raw {@code energy} object ({@code fink-perf-energy/1}): A around the measured loops,
 * B an idle sleep after them. Kept verbatim in {@code ModuleResult.extra["energyDriver"]} so an
 * estimate can be recomputed with other settings.
 *
 * @param raplA  per-zone µJ over A, or empty when RAPL was not readable
 * @param rssBytesB  the driver's resident set before the module was imported: B's memory
 */
public record DriverEnergy(
        long wallNsA,
        double cpuSA,
        long wallNsB,
        double cpuSB,
        long rssBytesB,
        long peakRssBytesA,
        boolean raplReadable,
        String raplReason,
        List<RaplZone> raplA,
        List<RaplZone> raplB,
        boolean baselineCapped,
        Map<String, Object> codecarbon) {

    /** Key of the raw object in {@code ModuleResult.extra}. */
    public static final String EXTRA_KEY = "energyDriver";

    /** One RAPL zone's energy over an interval; {@code uj} is -1 when a wrap could not be undone. */
    public record RaplZone(String zone, String name, long uj) {
        boolean isDram() {
            return "dram".equals(name);
        }
    }

    public DriverEnergy {
        raplA = raplA == null ? List.of() : List.copyOf(raplA);
        raplB = raplB == null ? List.of() : List.copyOf(raplB);
        codecarbon = codecarbon == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(codecarbon));
    }

    /** True when both intervals have a value for every zone. */
    public boolean raplUsable() {
        return raplReadable && !raplA.isEmpty() && raplA.size() == raplB.size()
                && raplA.stream().allMatch(z -> z.uj() >= 0) && raplB.stream().allMatch(z -> z.uj() >= 0);
    }

    /** From the JSON object as Jackson maps it (numbers as Integer/Long/Double); null stays null. */
    @SuppressWarnings("unchecked")
    public static DriverEnergy fromMap(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        Object cc = m.get("codecarbon");
        return new DriverEnergy(
                asLong(m.get("wall_ns_a")), asDouble(m.get("cpu_s_a")),
                asLong(m.get("wall_ns_b")), asDouble(m.get("cpu_s_b")),
                asLong(m.get("rss_bytes_b")), asLong(m.get("peak_rss_bytes_a")),
                Boolean.TRUE.equals(m.get("rapl_readable")),
                m.get("rapl_reason") == null ? null : String.valueOf(m.get("rapl_reason")),
                zones(m.get("rapl_uj_a")), zones(m.get("rapl_uj_b")),
                Boolean.TRUE.equals(m.get("baseline_capped")),
                cc instanceof Map ? (Map<String, Object>) cc : Map.of());
    }

    private static List<RaplZone> zones(Object o) {
        List<RaplZone> out = new ArrayList<>();
        if (o instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?> z) {
                    Object uj = z.get("uj");
                    out.add(new RaplZone(String.valueOf(z.get("zone")), String.valueOf(z.get("name")),
                            uj == null ? -1 : asLong(uj)));
                }
            }
        }
        return out;
    }

    static long asLong(Object o) {
        return o instanceof Number n ? n.longValue() : 0L;
    }

    static double asDouble(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0.0;
    }
}
