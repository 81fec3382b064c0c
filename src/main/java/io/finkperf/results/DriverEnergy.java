package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver's raw {@code energy} object ({@code fink-perf-energy/1}, field names as the driver
 * writes them): A around the measured loops, B an idle sleep after them. Kept as
 * {@code extra.energyDriver} so an estimate can be recomputed with other settings.
 *
 * @param raplA       per-zone µJ over A, or empty when RAPL was not readable
 * @param rssBytesB   the driver's resident set before the module was imported: B's memory
 * @param codecarbon  codecarbon's own figures ({@code available, version, reason, a, b}): that
 *                    tool's open-ended output, hence a map
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DriverEnergy(
        @JsonProperty("format") String format,
        @JsonProperty("wall_ns_a") long wallNsA,
        @JsonProperty("cpu_s_a") double cpuSA,
        @JsonProperty("wall_ns_b") long wallNsB,
        @JsonProperty("cpu_s_b") double cpuSB,
        @JsonProperty("rss_bytes_b") long rssBytesB,
        @JsonProperty("peak_rss_bytes_a") long peakRssBytesA,
        @JsonProperty("rapl_readable") boolean raplReadable,
        @JsonProperty("rapl_reason") String raplReason,
        @JsonProperty("rapl_uj_a") List<RaplZone> raplA,
        @JsonProperty("rapl_uj_b") List<RaplZone> raplB,
        @JsonProperty("baseline_capped") boolean baselineCapped,
        @JsonProperty("codecarbon") Map<String, Object> codecarbon) {

    public static final String FORMAT = "fink-perf-energy/1";

    /** One RAPL zone's energy over an interval; {@code uj} is null when a counter wrap could not be undone. */
    public record RaplZone(String zone, String name, Long uj) {

        @JsonIgnore
        public boolean isDram() {
            return "dram".equals(name);
        }

        public boolean known() {
            return uj != null && uj >= 0;
        }
    }

    public DriverEnergy {
        raplA = raplA == null ? List.of() : List.copyOf(raplA);
        raplB = raplB == null ? List.of() : List.copyOf(raplB);
        codecarbon = codecarbon == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(codecarbon));
    }

    /** True when both intervals have a value for every zone. */
    public boolean raplUsable() {
        return raplReadable && !raplA.isEmpty() && raplA.size() == raplB.size()
                && raplA.stream().allMatch(RaplZone::known) && raplB.stream().allMatch(RaplZone::known);
    }
}
