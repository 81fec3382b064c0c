package io.finkperf.energy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One module's energy: A (the measured loops) and B (an idle baseline scaled to A's duration),
 * each split into CPU and RAM, and what A − B costs in CO2 per alert, per night and per year.
 * Only the inputs are stored; every total and CO2 figure derives from them.
 *
 * @param method          how A and B were obtained: "rapl", "rapl+model:ram" or "model:tdp-per-core"
 * @param cpuPower        the W/core used and its source (model, and RAM of "rapl+model:ram")
 * @param cpuPowerHow     "table", "family-median" or "fallback" (see {@link CpuPowerMatch})
 * @param alerts          alerts processed during A: alerts × measured loops
 * @param cpuJ            CPU energy of A
 * @param ramJ            memory energy of A
 * @param baselineCpuJ    CPU energy of B, scaled to A's duration
 * @param baselineRamJ    memory energy of B, scaled to A's duration
 * @param notes           caveats worth printing (RAPL unreadable and why, baseline capped…)
 * @param codecarbon      codecarbon's own A and B when it ran in the driver, else why not
 */
public record EnergyEstimate(
        String method,
        String cpuPower,
        String cpuPowerHow,
        double wattsPerCore,
        double ramWattsPerGib,
        double wallSeconds,
        long alerts,
        double cpuJ,
        double ramJ,
        double baselineCpuJ,
        double baselineRamJ,
        double pue,
        String intensityCode,
        double intensityGPerKWh,
        String intensitySource,
        double alertsPerNight,
        double nightsPerYear,
        List<String> notes,
        Map<String, Object> codecarbon) {

    /** Key of the estimate in {@code ModuleResult.extra}. */
    public static final String EXTRA_KEY = "energy";

    static final double JOULES_PER_KWH = 3.6e6;

    public EnergyEstimate {
        notes = notes == null ? List.of() : List.copyOf(notes);
        codecarbon = codecarbon == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codecarbon));
    }

    public double totalJ() {
        return cpuJ + ramJ;
    }

    public double baselineJ() {
        return baselineCpuJ + baselineRamJ;
    }

    public double netCpuJ() {
        return cpuJ - baselineCpuJ;
    }

    public double netRamJ() {
        return ramJ - baselineRamJ;
    }

    /** A − B: the module's own energy (IT side, before PUE). */
    public double netJ() {
        return totalJ() - baselineJ();
    }

    public double netJPerAlert() {
        return alerts > 0 ? netJ() / alerts : Double.NaN;
    }

    public double netJPer1000Alerts() {
        return 1000 * netJPerAlert();
    }

    /** Facility energy (× PUE) × grid intensity, per alert. */
    public double gCo2PerAlert() {
        return netJPerAlert() * pue / JOULES_PER_KWH * intensityGPerKWh;
    }

    public double kgCo2PerNight() {
        return gCo2PerAlert() * alertsPerNight / 1000;
    }

    public double kgCo2PerYear() {
        return kgCo2PerNight() * nightsPerYear;
    }

    /** Facility kWh a year for this module at the configured alert rate. */
    public double kWhPerYear() {
        return netJPerAlert() * pue * alertsPerNight * nightsPerYear / JOULES_PER_KWH;
    }

    /** codecarbon's A − B per 1000 alerts when it ran beside us, else NaN. */
    public double codecarbonNetJPer1000Alerts() {
        return codecarbon.get("netJ") instanceof Number n && alerts > 0 ? 1000 * n.doubleValue() / alerts : Double.NaN;
    }

    /** codecarbon's CPU mode ("constant", "intel_rapl"…) when it ran, else null. */
    public String codecarbonMode() {
        Object m = codecarbon.get("mode");
        return m == null ? null : String.valueOf(m);
    }

    /** As stored in results.json: inputs, then derived figures for readers that are not this tool. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("cpuPower", cpuPower);
        m.put("cpuPowerHow", cpuPowerHow);
        m.put("wattsPerCore", wattsPerCore);
        m.put("ramWattsPerGib", ramWattsPerGib);
        m.put("wallSeconds", wallSeconds);
        m.put("alerts", alerts);
        m.put("cpuJ", cpuJ);
        m.put("ramJ", ramJ);
        m.put("baselineCpuJ", baselineCpuJ);
        m.put("baselineRamJ", baselineRamJ);
        m.put("pue", pue);
        m.put("intensityCode", intensityCode);
        m.put("intensityGPerKWh", intensityGPerKWh);
        m.put("intensitySource", intensitySource);
        m.put("alertsPerNight", alertsPerNight);
        m.put("nightsPerYear", nightsPerYear);
        m.put("notes", notes);
        m.put("codecarbon", codecarbon);
        m.put("baselineJ", baselineJ());
        m.put("netCpuJ", netCpuJ());
        m.put("netRamJ", netRamJ());
        m.put("netJ", netJ());
        m.put("netJPer1000Alerts", finiteOrNull(netJPer1000Alerts()));
        m.put("gCo2PerAlert", finiteOrNull(gCo2PerAlert()));
        m.put("kgCo2PerNight", finiteOrNull(kgCo2PerNight()));
        m.put("kgCo2PerYear", finiteOrNull(kgCo2PerYear()));
        return m;
    }

    /** Back from {@link #toMap()} (or from results.json); null when the map is not an estimate. */
    @SuppressWarnings("unchecked")
    public static EnergyEstimate fromMap(Object o) {
        if (!(o instanceof Map<?, ?> raw) || raw.get("method") == null) {
            return null;
        }
        Map<String, Object> m = (Map<String, Object>) raw;
        List<String> notes = new ArrayList<>();
        if (m.get("notes") instanceof List<?> l) {
            l.forEach(n -> notes.add(String.valueOf(n)));
        }
        return new EnergyEstimate(str(m, "method"), str(m, "cpuPower"), str(m, "cpuPowerHow"), num(m, "wattsPerCore"), num(m, "ramWattsPerGib"),
                num(m, "wallSeconds"), (long) num(m, "alerts"), num(m, "cpuJ"), num(m, "ramJ"), num(m, "baselineCpuJ"),
                num(m, "baselineRamJ"), num(m, "pue"), str(m, "intensityCode"), num(m, "intensityGPerKWh"),
                str(m, "intensitySource"), num(m, "alertsPerNight"), num(m, "nightsPerYear"), notes,
                m.get("codecarbon") instanceof Map ? (Map<String, Object>) m.get("codecarbon") : Map.of());
    }

    private static Object finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? null : String.valueOf(v);
    }

    private static double num(Map<String, Object> m, String k) {
        return m.get(k) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
