package io.finkperf.results;

/**
 * One side of a comparison: its start and memory.
 *
 * @param startNs      process start to ready (interpreter, batch read, import), by the JVM
 * @param importNs     the module import alone, by the driver
 * @param firstCallNs  the first call, by the JVM
 * @param peakRssBytes peak resident memory at the end
 */
public record ComparisonStart(long startNs, long importNs, long firstCallNs, long peakRssBytes) {
}
