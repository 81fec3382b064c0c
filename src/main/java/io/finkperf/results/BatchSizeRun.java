package io.finkperf.results;

/**
 * Calls of {@code n} alerts each, and the peak RSS of one of them above the RSS just before it
 * (null where the platform cannot reset the high-water mark).
 */
public record BatchSizeRun(int n, TimedCalls calls, Long rssBeforeBytes, Long peakRssBytes) {

    public Long peakAboveCallStartBytes() {
        return rssBeforeBytes == null || peakRssBytes == null ? null : Math.max(0, peakRssBytes - rssBeforeBytes);
    }
}
