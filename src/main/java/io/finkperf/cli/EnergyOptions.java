package io.finkperf.cli;

import io.finkperf.energy.CarbonIntensity;
import io.finkperf.energy.EnergySettings;
import picocli.CommandLine.Option;

/** How a module's energy becomes CO2 a year, and how long its idle baseline is measured. */
public final class EnergyOptions {

    @Option(names = "--pue", defaultValue = "1.25") double pue;
    @Option(names = "--country", defaultValue = "FR") String country;
    @Option(names = "--intensity") Double intensity;
    @Option(names = "--alerts-per-night", defaultValue = "200000") double alertsPerNight;
    @Option(names = "--nights-per-year", defaultValue = "300") double nightsPerYear;
    @Option(names = "--energy-baseline-max", defaultValue = "60", paramLabel = "SECONDS") double energyBaselineMax;

    EnergySettings settings() {
        try {
            return EnergySettings.defaults().withPue(pue)
                    .withIntensity(intensity != null ? CarbonIntensity.custom(intensity) : CarbonIntensity.of(country))
                    .withAlertsPerNight(alertsPerNight).withNightsPerYear(nightsPerYear)
                    .withMaxBaselineS(energyBaselineMax);
        } catch (IllegalArgumentException e) {
            throw new FinkPerfException(ExitCode.USAGE, e.getMessage());
        }
    }
}
