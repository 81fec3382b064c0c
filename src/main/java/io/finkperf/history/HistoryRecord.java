package io.finkperf.history;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.finkperf.results.SampleStats;
import java.util.List;

/**
 * One line of the history store: one module in one run ({@code fink-perf/history/1}). Raw
 * per-loop rates are kept; the run's value is their median, calibrated by the run's calibration.
 *
 * @param runId        unique per run, shared by the run's modules
 * @param recordedAt   when the run started (results.json startedAt)
 * @param rates        alerts/s/core of every measured loop, raw (empty when the module failed)
 * @param reportLink   where the run's full report lives (URL, or a path relative to the store), may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HistoryRecord(
        String schema,
        String runId,
        String module,
        String type,
        String status,
        CommitInfo commit,
        String scienceVersion,
        String recordedAt,
        String toolVersion,
        String survey,
        String mode,
        long nAlerts,
        String dataSha256,
        MachineFingerprint fingerprint,
        Calibration calibration,
        List<Double> rates,
        String reportLink) {

    public static final String SCHEMA = "fink-perf/history/1";

    public HistoryRecord {
        rates = rates == null ? List.of() : List.copyOf(rates);
    }

    public boolean measured() {
        return "ok".equals(status) && !rates.isEmpty();
    }

    /** Median raw alerts/s/core over the run's loops (NaN when not measured). */
    @JsonProperty("raw")
    public double raw() {
        return SampleStats.of(rates).median();
    }

    /** The raw median at the reference machine's speed (NaN without calibration). */
    @JsonProperty("calibrated")
    public double calibrated() {
        return calibration == null ? Double.NaN : raw() * calibration.factor();
    }

    public double value(Measure measure) {
        return measure == Measure.CALIBRATED ? calibrated() : raw();
    }

    /** The per-loop spread, as the run's value is: [min, max] of the loops' rates. */
    public double[] spread(Measure measure) {
        SampleStats s = SampleStats.of(rates);
        double f = measure == Measure.CALIBRATED ? (calibration == null ? Double.NaN : calibration.factor()) : 1.0;
        return new double[] {s.min() * f, s.max() * f};
    }
}
