package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * How one module's cost grows ({@code fink-perf scale}): the raw calls of a fresh driver process
 * (cold start, batch sizes, light-curve lengths) and what is derived from them.
 *
 * @param status       "ok", or why nothing was measured ("error", "skipped")
 * @param realBins     the data's own alerts by light-curve length bin
 * @param resized      the same alerts cut or extended to each chosen length
 * @param lengthFit    null when the module takes no light-curve column ({@code historyColumn} null)
 * @param timing       who timed the calls and what fink-perf observed (null: not measured, or a file of an
 *                     earlier version, whose figures were the driver's own)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScaleResult(String module, String type, String status, String message, long dataAlerts,
                          long idleRssBytes, ColdStart cold, TimedCalls warm, List<BatchSizeRun> batchSizes,
                          String historyColumn, List<LengthRun> realBins, List<LengthRun> resized,
                          CostFit costFit, LengthFit lengthFit, MemoryFit memory, BranchCost branch, NightCost night,
                          ScaleTiming timing) {

    public ScaleResult {
        batchSizes = batchSizes == null ? List.of() : List.copyOf(batchSizes);
        realBins = realBins == null ? List.of() : List.copyOf(realBins);
        resized = resized == null ? List.of() : List.copyOf(resized);
    }

    public static ScaleResult failed(String module, String type, String status, String message) {
        return new ScaleResult(module, type, status, message, 0, 0, null, TimedCalls.NONE, List.of(), null,
                List.of(), List.of(), null, null, null, null, null, null);
    }

    public boolean ok() {
        return "ok".equals(status) && costFit != null;
    }
}
