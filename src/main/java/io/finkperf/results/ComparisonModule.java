package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One module compared.
 *
 * @param time       head/base of the judged time per alert (the settings' metric; null when a side failed)
 * @param noise      base/base of the A/A pass, same metric (null when not interleaved)
 * @param noiseFloor how far from 1 the A/A interval reaches: differences within it are noise
 * @param wall       head/base of the wall time per call, as the JVM timed the round trip
 * @param cpu        head/base of the calling thread's CPU time per call
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
        RatioEstimate wall,
        RatioEstimate cpu,
        OutputComparison output,
        ComparisonStart baseStart,
        ComparisonStart headStart,
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
