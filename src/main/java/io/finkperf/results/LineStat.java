package io.finkperf.results;

/** One source line of a profiled function: hits 0 for lines never run. */
public record LineStat(int line, long hits, long timeNs, String source) {
}
