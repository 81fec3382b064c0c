package io.finkperf.engine;

import io.finkperf.energy.EnergySettings;

/**
 * One run: the direct pass described by {@code profile}, with energy estimated by {@code energy},
 * then, when {@code spark} is not null, the Spark pass on the same batch.
 */
public record RunRequest(ProfileRequest profile, EnergySettings energy, SparkMode spark) {

    public static RunRequest direct(ProfileRequest profile, EnergySettings energy) {
        return new RunRequest(profile, energy, null);
    }

    public RunRequest withSpark(SparkMode mode) {
        return new RunRequest(profile, energy, mode);
    }
}
