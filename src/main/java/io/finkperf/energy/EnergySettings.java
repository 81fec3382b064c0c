package io.finkperf.energy;

/**
 * What turns measured joules into CO2 and scales one run to the broker's operation. Defaults and
 * their sources are in docs/energy.md.
 *
 * @param pue             data-centre power usage effectiveness (facility energy / IT energy)
 * @param alertsPerNight  alerts a night of the survey sends through the module
 * @param nightsPerYear   observing nights a year
 * @param ramWattsPerGib  memory power per GiB resident, for the model
 * @param maxBaselineS    longest idle baseline B the driver runs (a shorter B is scaled to A's length)
 */
public record EnergySettings(
        double pue,
        CarbonIntensity intensity,
        double alertsPerNight,
        double nightsPerYear,
        double ramWattsPerGib,
        TdpTable tdp,
        double maxBaselineS) {

    /** The seed script's PUE. */
    public static final double DEFAULT_PUE = 1.25;
    /** A ZTF night as Fink sees it: ZTF issues 1e5 to 1e6 alerts a night; a round value in that range. */
    public static final double DEFAULT_ALERTS_PER_NIGHT = 200_000;
    /** Nights a year with data, after weather and maintenance: an assumption. */
    public static final double DEFAULT_NIGHTS_PER_YEAR = 300;
    /** codecarbon's "3 W per 8 GB" (Crucial); Green Algorithms uses 0.3725 W/GB. */
    public static final double DEFAULT_RAM_W_PER_GIB = 0.375;
    public static final double DEFAULT_MAX_BASELINE_S = 60;

    public EnergySettings {
        positive("PUE", pue);
        if (pue < 1) {
            throw new IllegalArgumentException("PUE is facility energy / IT energy: >= 1, got " + pue);
        }
        positive("alerts per night", alertsPerNight);
        positive("nights per year", nightsPerYear);
        if (!(ramWattsPerGib >= 0)) {
            throw new IllegalArgumentException("RAM W/GiB must be >= 0, got " + ramWattsPerGib);
        }
        if (!(maxBaselineS >= 0)) {
            throw new IllegalArgumentException("maximum baseline must be >= 0 s, got " + maxBaselineS);
        }
        if (intensity == null) {
            intensity = CarbonIntensity.of(CarbonIntensity.DEFAULT_CODE);
        }
        if (tdp == null) {
            tdp = TdpTable.defaults();
        }
    }

    public static EnergySettings defaults() {
        return new EnergySettings(DEFAULT_PUE, CarbonIntensity.of(CarbonIntensity.DEFAULT_CODE), DEFAULT_ALERTS_PER_NIGHT,
                DEFAULT_NIGHTS_PER_YEAR, DEFAULT_RAM_W_PER_GIB, TdpTable.defaults(), DEFAULT_MAX_BASELINE_S);
    }

    public EnergySettings withPue(double v) {
        return new EnergySettings(v, intensity, alertsPerNight, nightsPerYear, ramWattsPerGib, tdp, maxBaselineS);
    }

    public EnergySettings withIntensity(CarbonIntensity v) {
        return new EnergySettings(pue, v, alertsPerNight, nightsPerYear, ramWattsPerGib, tdp, maxBaselineS);
    }

    public EnergySettings withAlertsPerNight(double v) {
        return new EnergySettings(pue, intensity, v, nightsPerYear, ramWattsPerGib, tdp, maxBaselineS);
    }

    public EnergySettings withNightsPerYear(double v) {
        return new EnergySettings(pue, intensity, alertsPerNight, v, ramWattsPerGib, tdp, maxBaselineS);
    }

    public EnergySettings withMaxBaselineS(double v) {
        return new EnergySettings(pue, intensity, alertsPerNight, nightsPerYear, ramWattsPerGib, tdp, v);
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number > 0, got " + v);
        }
    }
}
