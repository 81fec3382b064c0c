package io.finkperf.engine;

import io.finkperf.energy.EnergySettings;

/**
 * One run: the direct pass described by {@code profile}, with energy estimated by {@code energy},
 * then, when {@code spark} is not null, the Spark pass on the same batch.
 *
 * @param offline modules that need a network service are reported "needs network" instead of run
 */
public record RunRequest(ProfileRequest profile, EnergySettings energy, boolean offline, SparkMode spark) {

    public static RunRequest direct(ProfileRequest profile, EnergySettings energy) {
        return new RunRequest(profile, energy, false, null);
    }

    public RunRequest withOffline(boolean value) {
        return new RunRequest(profile, energy, value, spark);
    }

    public RunRequest withSpark(SparkMode mode) {
        return new RunRequest(profile, energy, offline, mode);
    }
}
