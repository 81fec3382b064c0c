package io.finkperf.results;

import java.util.List;

/**
 * The science guard: both sides' outputs compared alert by alert.
 *
 * @param verdict   "same", "changed", or "unknown" (an output that could not be compared)
 * @param perAlert  true when compared value by value; false when only the output hashes were compared
 * @param nDiffer   alerts whose outputs differ (-1 when not compared per alert)
 * @param maxAbsDiff largest absolute difference among numbers (0 when none)
 * @param maxRelDiff largest relative difference among numbers (0 when none)
 * @param examples  up to 5 differing alerts
 */
public record OutputComparison(
        String verdict,
        boolean perAlert,
        long nAlerts,
        long nDiffer,
        double maxAbsDiff,
        double maxRelDiff,
        List<OutputExample> examples,
        String baseHash,
        String headHash,
        String baseDtype,
        String headDtype,
        String note) {

    public static final String SAME = "same";
    public static final String CHANGED = "changed";
    public static final String UNKNOWN = "unknown";

    public OutputComparison {
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    public boolean changed() {
        return CHANGED.equals(verdict);
    }

    /** One differing alert: its row in the batch, its id, and both values as text. */
    public record OutputExample(long row, String objectId, String base, String head) {
    }
}
