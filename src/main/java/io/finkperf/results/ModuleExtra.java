package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The typed sections of a module result that only some runs have ({@code extra} in results.json,
 * each section absent when null). To add one: a nullable component here (its JSON name is the
 * component's), a {@code with…} copy below, a setter in {@link ModuleResult.Builder}, and the
 * golden file (ResultsJsonGoldenTest) regenerated and reviewed.
 *
 * @param wallSeconds   the driver process's wall time, start to exit (runner fact)
 * @param energyDriver  the driver's raw energy object
 * @param energy        the energy estimate derived from it
 * @param spark         Spark mode's measurement of the module, or its failure
 * @param timing        who timed the measured loops and the round trips the JVM saw
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModuleExtra(Double wallSeconds, DriverEnergy energyDriver, EnergyResult energy, SparkSection spark,
                          ObservedTiming timing) {

    public static final ModuleExtra NONE = new ModuleExtra(null, null, null, null, null);

    public ModuleExtra withWallSeconds(Double s) {
        return new ModuleExtra(s, energyDriver, energy, spark, timing);
    }

    public ModuleExtra withEnergyDriver(DriverEnergy d) {
        return new ModuleExtra(wallSeconds, d, energy, spark, timing);
    }

    public ModuleExtra withEnergy(EnergyResult e) {
        return new ModuleExtra(wallSeconds, energyDriver, e, spark, timing);
    }

    public ModuleExtra withSpark(SparkSection s) {
        return new ModuleExtra(wallSeconds, energyDriver, energy, s, timing);
    }

    public ModuleExtra withTiming(ObservedTiming t) {
        return new ModuleExtra(wallSeconds, energyDriver, energy, spark, t);
    }

    /** The Spark-mode measurement, or null when the module did not run (or failed) in Spark mode. */
    public SparkModeResult sparkResult() {
        return spark instanceof SparkModeResult s ? s : null;
    }
}
