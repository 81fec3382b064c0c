package io.finkperf.results;

import java.util.List;

/**
 * Every measured call, in the order they ran: {@code callsPerRound} consecutive calls per side and
 * round. {@code aa*} is the second base process of the A/A pass (empty when not interleaved).
 *
 * @param callsPerRound consecutive calls per side and round, as used (raised for quick modules so that
 *                      a round lasts at least the minimum round time)
 * @param cpuFromHost CPU times read by the JVM in /proc (true) or reported by the driver (false)
 * @param attempts    times the module was measured: a too noisy attempt is repeated with fresh
 *                    processes, and these are the samples of the last attempt
 */
public record ComparisonSamples(
        List<Long> baseWallNs,
        List<Long> headWallNs,
        List<Long> aaWallNs,
        List<Long> baseCpuNs,
        List<Long> headCpuNs,
        List<Long> aaCpuNs,
        int callsPerRound,
        boolean cpuFromHost,
        int attempts) {

    public static final ComparisonSamples NONE = new ComparisonSamples(List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), 1, false, 0);

    public ComparisonSamples {
        baseWallNs = List.copyOf(baseWallNs);
        headWallNs = List.copyOf(headWallNs);
        aaWallNs = List.copyOf(aaWallNs);
        baseCpuNs = List.copyOf(baseCpuNs);
        headCpuNs = List.copyOf(headCpuNs);
        aaCpuNs = List.copyOf(aaCpuNs);
    }
}
