package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code scale} section of results.json: the settings, one {@link ScaleResult} per module, and
 * the night's total ("the whole science pipeline needs X core-hours a night").
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScaleReport(Settings settings, List<ScaleResult> modules) {

    /**
     * @param alertsPerNight alerts a night (ZTF ~200 000; Rubin's design figure ~10 million)
     * @param brokerBatch    alerts per call in the broker (Arrow batch of a partition, at most 10 000)
     * @param cores          cores the night's wall time is spread over
     */
    public record Settings(String survey, List<Integer> batchSizes, List<Integer> lengths, int fitFromLength,
                           List<Integer> projectLengths, double alertsPerNight, int brokerBatch, int cores, String energyMethod,
                           double wattsPerCore, double pue, double gramsCo2PerKWh) {

        public Settings {
            batchSizes = List.copyOf(batchSizes);
            lengths = List.copyOf(lengths);
            projectLengths = List.copyOf(projectLengths);
        }
    }

    /** Sums over the modules that were measured. */
    public record Total(double coreHours, double wallHoursOnCores, double energyKWh, double co2Kg) {
    }

    public ScaleReport {
        modules = modules == null ? List.of() : List.copyOf(modules);
    }

    public ScaleReport withModule(ScaleResult m) {
        return new ScaleReport(settings, ModuleLists.replacing(modules, m, ScaleResult::module));
    }

    /** Measured modules, costliest night first. */
    public List<ScaleResult> byNightCost() {
        return modules.stream().filter(m -> m.night() != null)
                .sorted(Comparator.comparingDouble((ScaleResult m) -> m.night().coreSeconds()).reversed()).toList();
    }

    public Total total() {
        double cs = 0, kwh = 0, co2 = 0;
        for (ScaleResult m : byNightCost()) {
            cs += m.night().coreSeconds();
            kwh += m.night().energyKWh();
            co2 += m.night().co2Kg();
        }
        return new Total(cs / 3600, cs / 3600 / Math.max(1, settings.cores()), kwh, co2);
    }
}
