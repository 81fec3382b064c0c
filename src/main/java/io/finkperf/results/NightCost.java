package io.finkperf.results;

/**
 * What a night costs one module, from its fit t(N) = a + b·N at the broker's batch size: core-seconds
 * ({@code ceil(alerts / batch)} calls), wall time spread over {@code cores}, the share of the exposure
 * budget (75 alerts/s/core = a ZTF exposure in 1 s on 8 cores; 37.5 = in 2 s), energy (CPU time ×
 * W per core of the energy model × PUE) and CO2.
 */
public record NightCost(double alertsPerNight, int brokerBatch, int cores, double alertsPerSecondPerCore,
                        double coreSeconds, double wallSecondsOnCores, double shareOfOneSecondBudget,
                        double shareOfTwoSecondBudget, double energyKWh, double co2Kg) {

    public static final double ONE_SECOND_BUDGET = 75.0;
    public static final double TWO_SECOND_BUDGET = 37.5;

    public static NightCost of(CostFit fit, double alertsPerNight, int brokerBatch, int cores, double wattsPerCore,
                               double pue, double gramsCo2PerKWh) {
        long batch = (long) Math.max(1, Math.min(brokerBatch, alertsPerNight));
        double calls = Math.ceil(alertsPerNight / batch);
        double coreSeconds = calls * fit.aNs() / 1e9 + alertsPerNight * fit.bNs() / 1e9;
        double rate = coreSeconds > 0 ? alertsPerNight / coreSeconds : Double.POSITIVE_INFINITY;
        double kwh = coreSeconds * wattsPerCore * pue / 3.6e6;
        return new NightCost(alertsPerNight, (int) batch, cores, rate, coreSeconds, coreSeconds / cores,
                ONE_SECOND_BUDGET / rate, TWO_SECOND_BUDGET / rate, kwh, kwh * gramsCo2PerKWh / 1000);
    }

    public double coreHours() {
        return coreSeconds / 3600;
    }
}
