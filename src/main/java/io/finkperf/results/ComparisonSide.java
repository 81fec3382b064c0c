package io.finkperf.results;

/**
 * One side of a comparison.
 *
 * @param label      "base" or "head"
 * @param source     the folder, git ref or results file it came from, as given
 * @param scienceDir the folder its modules were imported from (null for a results file)
 * @param commit     its git commit when known
 */
public record ComparisonSide(String label, String source, String scienceDir, String commit) {
}
