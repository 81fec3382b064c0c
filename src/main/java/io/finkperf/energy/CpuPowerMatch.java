package io.finkperf.energy;

/**
 * The W/core used for a CPU model and why: an exact table row, the median of its family's rows,
 * or the table-wide fallback.
 *
 * @param how     "table", "family-median" or "fallback"
 * @param source  a sentence a report can print next to the figure
 */
public record CpuPowerMatch(double wattsPerCore, String how, String label, String source) {
}
