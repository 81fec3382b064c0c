package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything measured for one module. Raw per-loop samples are kept; statistics and throughput
 * derive from them (and are written to JSON for readers that are not this tool; null when there
 * are no samples). Build with {@link #builder} or copy with {@link #toBuilder}.
 *
 * @param peakRssBytes  0 when not measured (the driver did not report it): null in JSON
 * @param inputs        for each input column, where it came from: "data" or "module:NAME"
 * @param extra         the typed sections only some runs have (energy, Spark mode…)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"name", "type", "entry", "outputColumn", "status", "error", "nAlerts", "nChunks", "importNs", "warmupNs",
    "samplesNs", "peakRssBytes", "cpuUserS", "cpuSysS", "outputHash", "outputDtype", "inputs", "lineProfile", "extra",
    "timeStats", "throughputStats"})
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
        ModuleExtra extra) {

    public ModuleResult {
        warmupNs = warmupNs == null ? List.of() : List.copyOf(warmupNs);
        samplesNs = samplesNs == null ? List.of() : List.copyOf(samplesNs);
        inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputs)); // input order
        lineProfile = lineProfile == null ? LineProfile.NONE : lineProfile;
        extra = extra == null ? ModuleExtra.NONE : extra;
    }

    /** A result for the module {@code name} (registry type label, entry point, output column). */
    public static Builder builder(String name, String type, String entry, String outputColumn) {
        return new Builder(name, type, entry, outputColumn);
    }

    public Builder toBuilder() {
        return new Builder(this);
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

    /** Fills a {@link ModuleResult}; unset fields are empty (no samples, nothing measured, status OK). */
    public static final class Builder {
        private final String name;
        private final String type;
        private final String entry;
        private final String outputColumn;
        private ModuleStatus status = ModuleStatus.OK;
        private ModuleError error;
        private long nAlerts;
        private int nChunks;
        private long importNs;
        private List<Long> warmupNs = List.of();
        private List<Long> samplesNs = List.of();
        private long peakRssBytes;
        private double cpuUserS;
        private double cpuSysS;
        private String outputHash;
        private String outputDtype;
        private Map<String, String> inputs = Map.of();
        private LineProfile lineProfile = LineProfile.NONE;
        private ModuleExtra extra = ModuleExtra.NONE;

        private Builder(String name, String type, String entry, String outputColumn) {
            this.name = name;
            this.type = type;
            this.entry = entry;
            this.outputColumn = outputColumn;
        }

        private Builder(ModuleResult m) {
            this(m.name, m.type, m.entry, m.outputColumn);
            status = m.status;
            error = m.error;
            nAlerts = m.nAlerts;
            nChunks = m.nChunks;
            importNs = m.importNs;
            warmupNs = m.warmupNs;
            samplesNs = m.samplesNs;
            peakRssBytes = m.peakRssBytes;
            cpuUserS = m.cpuUserS;
            cpuSysS = m.cpuSysS;
            outputHash = m.outputHash;
            outputDtype = m.outputDtype;
            inputs = m.inputs;
            lineProfile = m.lineProfile;
            extra = m.extra;
        }

        /** A module that did not finish: the status and why. */
        public Builder failed(ModuleStatus status, ModuleError error) {
            this.status = status;
            this.error = error;
            return this;
        }

        public Builder ok() {
            return failed(ModuleStatus.OK, null);
        }

        public Builder nAlerts(long n) {
            this.nAlerts = n;
            return this;
        }

        public Builder nChunks(int n) {
            this.nChunks = n;
            return this;
        }

        public Builder importNs(long ns) {
            this.importNs = ns;
            return this;
        }

        /** Raw per-loop wall times: warm-up loops, then measured loops. */
        public Builder loops(List<Long> warmupNs, List<Long> samplesNs) {
            this.warmupNs = warmupNs;
            this.samplesNs = samplesNs;
            return this;
        }

        /** 0 when not measured. */
        public Builder peakRssBytes(long bytes) {
            this.peakRssBytes = bytes;
            return this;
        }

        public Builder cpuSeconds(double user, double sys) {
            this.cpuUserS = user;
            this.cpuSysS = sys;
            return this;
        }

        public Builder output(String hash, String dtype) {
            this.outputHash = hash;
            this.outputDtype = dtype;
            return this;
        }

        public Builder inputs(Map<String, String> inputs) {
            this.inputs = inputs;
            return this;
        }

        public Builder lineProfile(LineProfile profile) {
            this.lineProfile = profile;
            return this;
        }

        public Builder extra(ModuleExtra extra) {
            this.extra = extra == null ? ModuleExtra.NONE : extra;
            return this;
        }

        public Builder energy(EnergyResult energy) {
            return extra(extra.withEnergy(energy));
        }

        public Builder energyDriver(DriverEnergy raw) {
            return extra(extra.withEnergyDriver(raw));
        }

        public Builder spark(SparkSection spark) {
            return extra(extra.withSpark(spark));
        }

        public Builder timing(ObservedTiming timing) {
            return extra(extra.withTiming(timing));
        }

        public Builder wallSeconds(Double seconds) {
            return extra(extra.withWallSeconds(seconds));
        }

        public ModuleResult build() {
            return new ModuleResult(name, type, entry, outputColumn, status, error, nAlerts, nChunks, importNs,
                    warmupNs, samplesNs, peakRssBytes, cpuUserS, cpuSysS, outputHash, outputDtype, inputs,
                    lineProfile, extra);
        }
    }
}
