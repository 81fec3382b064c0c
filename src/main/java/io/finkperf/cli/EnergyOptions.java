package io.finkperf.cli;

import io.finkperf.energy.CarbonIntensity;
import io.finkperf.energy.EnergySettings;
import picocli.CommandLine.Option;

/** How a module's energy becomes CO2 a year, and how long its idle baseline is measured. */
public final class EnergyOptions {

    @Option(names = "--pue", defaultValue = "1.25", description = "Data-centre PUE for CO2 (default: ${DEFAULT-VALUE}).")
    double pue;

    @Option(names = "--country", defaultValue = "FR", description = "Grid carbon intensity: FR, DE, GB, US or WORLD (default: ${DEFAULT-VALUE}; see docs/energy.md).")
    String country;

    @Option(names = "--intensity", description = "Grid carbon intensity in gCO2eq/kWh; overrides --country.")
    Double intensity;

    @Option(names = "--alerts-per-night", defaultValue = "200000", description = "Alerts a night, to scale CO2 (default: ${DEFAULT-VALUE}).")
    double alertsPerNight;

    @Option(names = "--nights-per-year", defaultValue = "300", description = "Observing nights a year (default: ${DEFAULT-VALUE}).")
    double nightsPerYear;

    @Option(names = "--energy-baseline-max", defaultValue = "60", paramLabel = "SECONDS",
            description = "Longest idle baseline B measured after each module for its energy, in s (0: none; default: ${DEFAULT-VALUE}).")
    double energyBaselineMax;

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
