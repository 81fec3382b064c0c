package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One module compared.
 *
 * @param time       head/base of the time per alert (null when a side failed)
 * @param noise      base/base of the A/A pass (null when not interleaved)
 * @param noiseFloor how far from 1 the A/A interval reaches: differences within it are noise
 * @param cpu        head/base of the CPU time per alert
 * @param lines      aligned lines of both line profiles, the most time gained first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComparisonModule(
        String name,
        String type,
        ComparisonVerdict verdict,
        String error,
        long nAlerts,
        RatioEstimate time,
        RatioEstimate noise,
        Double noiseFloor,
        RatioEstimate cpu,
        OutputComparison output,
        ColdStart baseStart,
        ColdStart headStart,
        List<LineChange> lines,
        ComparisonSamples samples) {

    public ComparisonModule {
        lines = lines == null ? List.of() : List.copyOf(lines);
        samples = samples == null ? ComparisonSamples.NONE : samples;
    }

    public boolean outputChanged() {
        return output != null && output.changed();
    }
}
