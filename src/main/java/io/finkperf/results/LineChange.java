package io.finkperf.results;

/**
 * One source line of a profiled function, aligned between base and head by its text (line
 * numbers move between commits). A line only on one side has null for the other's line number.
 *
 * @param baseSource the base text when the line was modified in place (null when it is the same line)
 * @param baseShare the line's time as a share of the module's profiled time (0..1), on base
 * @param nested    the line calls another profiled function: its time includes that function's lines
 */
public record LineChange(
        String file,
        String function,
        String source,
        String baseSource,
        Integer baseLine,
        Integer headLine,
        long baseHits,
        long headHits,
        long baseTimeNs,
        long headTimeNs,
        double baseShare,
        double headShare,
        boolean nested) {

    public long gainedNs() {
        return headTimeNs - baseTimeNs;
    }

    public double basePerHitNs() {
        return baseHits == 0 ? 0 : (double) baseTimeNs / baseHits;
    }

    public double headPerHitNs() {
        return headHits == 0 ? 0 : (double) headTimeNs / headHits;
    }
}
