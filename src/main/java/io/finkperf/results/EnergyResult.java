package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One module's energy ({@code extra.energy}): A (the measured loops) and B (an idle baseline
 * scaled to A's duration), each split into CPU and RAM, and what A − B costs in CO2 per alert, per
 * night and per year. Only the inputs are components; every total and CO2 figure derives from
 * them (and is written to JSON for readers that are not this tool). Computed by {@code energy.EnergyModel}.
 *
 * @param method          how A and B were obtained: "rapl", "rapl+model:ram" or "model:tdp-per-core"
 * @param cpuPower        the W/core used and its source (model, and RAM of "rapl+model:ram")
 * @param cpuPowerHow     "table", "family-median" or "fallback"
 * @param alerts          alerts processed during A: alerts × measured loops
 * @param cpuJ            CPU energy of A
 * @param ramJ            memory energy of A
 * @param baselineCpuJ    CPU energy of B, scaled to A's duration
 * @param baselineRamJ    memory energy of B, scaled to A's duration
 * @param notes           caveats worth printing (RAPL unreadable and why, baseline capped…)
 * @param codecarbon      codecarbon's own A and B when it ran in the driver, else why not: that
 *                        tool's open-ended figures, hence a map
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"method", "cpuPower", "cpuPowerHow", "wattsPerCore", "ramWattsPerGib", "wallSeconds", "alerts",
    "cpuJ", "ramJ", "baselineCpuJ", "baselineRamJ", "pue", "intensityCode", "intensityGPerKWh", "intensitySource",
    "alertsPerNight", "nightsPerYear", "notes", "codecarbon",
    "baselineJ", "netCpuJ", "netRamJ", "netJ", "netJPer1000Alerts", "gCo2PerAlert", "kgCo2PerNight", "kgCo2PerYear"})
public record EnergyResult(
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

    public static final double JOULES_PER_KWH = 3.6e6;

    public EnergyResult {
        notes = notes == null ? List.of() : List.copyOf(notes);
        codecarbon = codecarbon == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(codecarbon));
    }

    public double totalJ() {
        return cpuJ + ramJ;
    }

    @JsonProperty("baselineJ")
    public double baselineJ() {
        return baselineCpuJ + baselineRamJ;
    }

    @JsonProperty("netCpuJ")
    public double netCpuJ() {
        return cpuJ - baselineCpuJ;
    }

    @JsonProperty("netRamJ")
    public double netRamJ() {
        return ramJ - baselineRamJ;
    }

    /** A − B: the module's own energy (IT side, before PUE). */
    @JsonProperty("netJ")
    public double netJ() {
        return totalJ() - baselineJ();
    }

    public double netJPerAlert() {
        return alerts > 0 ? netJ() / alerts : Double.NaN;
    }

    @JsonProperty("netJPer1000Alerts")
    public double netJPer1000Alerts() {
        return 1000 * netJPerAlert();
    }

    /** Facility energy (× PUE) × grid intensity, per alert. */
    @JsonProperty("gCo2PerAlert")
    public double gCo2PerAlert() {
        return netJPerAlert() * pue / JOULES_PER_KWH * intensityGPerKWh;
    }

    @JsonProperty("kgCo2PerNight")
    public double kgCo2PerNight() {
        return gCo2PerAlert() * alertsPerNight / 1000;
    }

    @JsonProperty("kgCo2PerYear")
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
}
