package io.finkperf.engine;

import io.finkperf.energy.EnergySettings;

/**
 * One run: the direct pass described by {@code profile}, with energy estimated by {@code energy},
 * then, when {@code spark} is not null, the Spark pass on the same batch.
 *
 * @param offline modules that need a network service are reported "needs network" instead of run
 * @param scale   when not null, the scale pass after the direct pass (how each module's cost grows)
 */
public record RunRequest(ProfileRequest profile, EnergySettings energy, boolean offline, SparkMode spark, ScalePass scale) {

    public static RunRequest direct(ProfileRequest profile, EnergySettings energy) {
        return new RunRequest(profile, energy, false, null, null);
    }

    public RunRequest withOffline(boolean value) {
        return new RunRequest(profile, energy, value, spark, scale);
    }

    public RunRequest withSpark(SparkMode mode) {
        return new RunRequest(profile, energy, offline, mode, scale);
    }

    public RunRequest withScale(ScalePass pass) {
        return new RunRequest(profile, energy, offline, spark, pass);
    }
}
