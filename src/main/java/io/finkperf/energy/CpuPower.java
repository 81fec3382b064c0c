package io.finkperf.energy;

/**
 * One row of the TDP table: a CPU model, its vendor TDP and core count, and where the figures
 * come from. Power per core is TDP / cores: the load-aware model charges a process this much for
 * every second of CPU time it uses.
 *
 * @param key     lower-case fragment matched against the normalised CPU model ("epyc 7763")
 * @param family  the family whose median stands in for unlisted models ("epyc", "xeon"…)
 */
public record CpuPower(String key, String family, String name, double tdpWatts, int cores, String source) {

    public CpuPower {
        if (tdpWatts <= 0 || cores <= 0) {
            throw new IllegalArgumentException("TDP and cores must be positive for " + name);
        }
    }

    public double wattsPerCore() {
        return tdpWatts / cores;
    }
}
