package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;

/**
 * Everything measured for one module. Raw per-loop samples are kept; statistics and throughput
 * derive from them (and are written to JSON for readers that are not this tool).
 *
 * @param inputs  for each input column, where it came from: "data" or "module:NAME"
 * @param extra   runner-specific measurements (spark decomposition, energy…)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModuleResult(
        String name,
        String type,
        String entry,
        String outputColumn,
        ModuleStatus status,
        ModuleError error,
        long nAlerts,
        int nChunks,
        long importNs,
        List<Long> warmupNs,
        List<Long> samplesNs,
        @JsonSerialize(using = ZeroAsNull.class) long peakRssBytes,
        double cpuUserS,
        double cpuSysS,
        String outputHash,
        String outputDtype,
        Map<String, String> inputs,
        LineProfile lineProfile,
        Map<String, Object> extra) {

    public ModuleResult {
        warmupNs = warmupNs == null ? List.of() : List.copyOf(warmupNs);
        samplesNs = samplesNs == null ? List.of() : List.copyOf(samplesNs);
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
        lineProfile = lineProfile == null ? LineProfile.NONE : lineProfile;
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public boolean ok() {
        return status == ModuleStatus.OK;
    }

    /** Per-loop time statistics in seconds. */
    @JsonIgnore
    public SampleStats timeStats() {
        return SampleStats.of(samplesNs.stream().mapToDouble(ns -> ns / 1e9).toArray());
    }

    /**
     * Alerts per second per core, one value per measured loop. The driver runs the module in one
     * single-threaded Python process, so a loop's rate is a one-core rate.
     */
    @JsonIgnore
    public SampleStats throughputStats() {
        return SampleStats.of(samplesNs.stream().filter(ns -> ns > 0)
                .mapToDouble(ns -> nAlerts / (ns / 1e9)).toArray());
    }

    /** In results.json: no statistics (null) for a module that measured no loop, never NaN. */
    @JsonProperty("timeStats")
    private SampleStats timeStatsOrNull() {
        return samplesNs.isEmpty() ? null : timeStats();
    }

    @JsonProperty("throughputStats")
    private SampleStats throughputStatsOrNull() {
        return samplesNs.isEmpty() ? null : throughputStats();
    }

    /** Peak RSS 0 means not measured (the module never ran): written as null. */
    static final class ZeroAsNull extends com.fasterxml.jackson.databind.JsonSerializer<Long> {
        @Override
        public void serialize(Long value, com.fasterxml.jackson.core.JsonGenerator gen,
                              com.fasterxml.jackson.databind.SerializerProvider serializers) throws java.io.IOException {
            if (value == null || value == 0L) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }

    public ModuleResult withExtra(Map<String, Object> more) {
        var merged = new java.util.LinkedHashMap<String, Object>(extra);
        merged.putAll(more);
        return new ModuleResult(name, type, entry, outputColumn, status, error, nAlerts, nChunks, importNs,
                warmupNs, samplesNs, peakRssBytes, cpuUserS, cpuSysS, outputHash, outputDtype, inputs,
                lineProfile, merged);
    }
}
