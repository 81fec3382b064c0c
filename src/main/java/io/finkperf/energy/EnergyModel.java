package io.finkperf.energy;

import io.finkperf.results.DriverEnergy;
import io.finkperf.results.EnergyResult;
import io.finkperf.results.ModuleResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Joules and CO2 of a module run from what the machine could tell: RAPL counters when the driver
 * could read them, else a load-aware model (CPU seconds × TDP per core, resident memory × W/GiB ×
 * time). Either way A − B: B, an idle baseline of A's duration, is what the machine spends anyway.
 *
 * <p>In the model, A's CPU time is the module calls' own (user + system, from the driver) and A's
 * duration is the sum of the measured loops; B's CPU time (≈ 0 for a sleeping process) is scaled to
 * that duration. A's memory is the peak RSS, B's the driver's RSS before the module was imported, so
 * the RAM part of A − B is the module's own footprint. This is the difference that a constant-power
 * assumption (codecarbon's "constant" mode: 50 % of TDP whatever the load) sets to 0.
 */
public final class EnergyModel {

    public static final String RAPL = "rapl";
    public static final String RAPL_MODEL_RAM = "rapl+model:ram";
    public static final String MODEL = "model:tdp-per-core";

    static final double GIB = 1024.0 * 1024 * 1024;

    private EnergyModel() {
    }

    /** The estimate for a finished module, or null when it measured no loop. */
    public static EnergyResult estimate(ModuleResult m, String cpuModel, EnergySettings s) {
        if (m.samplesNs().isEmpty()) {
            return null;
        }
        return estimate(m, m.extra().energyDriver(), cpuModel, s);
    }

    /** {@code d} may be null (a driver without the energy object): A only, no baseline. */
    public static EnergyResult estimate(ModuleResult m, DriverEnergy d, String cpuModel, EnergySettings s) {
        CpuPowerMatch cpu = s.tdp().lookup(cpuModel);
        long loopsNs = m.samplesNs().stream().mapToLong(Long::longValue).sum();
        long alerts = m.nAlerts() * m.samplesNs().size();
        List<String> notes = new ArrayList<>();

        // the model: module calls only
        double wallA = loopsNs / 1e9;
        double cpuSA = m.cpuUserS() + m.cpuSysS();
        double peakRss = (d != null && d.peakRssBytesA() > 0) ? d.peakRssBytesA() : m.peakRssBytes();
        double cpuJ = cpuSA * cpu.wattsPerCore();
        double ramJ = gib(peakRss) * s.ramWattsPerGib() * wallA;
        double baseCpuJ = 0;
        double baseRamJ = 0;
        String method = MODEL;
        double wall = wallA;

        if (d == null) {
            notes.add("no baseline B: the driver did not report an energy object");
        } else if (d.wallNsB() <= 0) {
            notes.add("no baseline B: the driver ran none (--energy-baseline-max 0)");
        } else if (d.raplUsable()) {
            // RAPL counts the whole package over the measure phase (loops + batch reads between
            // them): B over the same span is what the package draws without the module
            double scale = (double) d.wallNsA() / d.wallNsB();
            wall = d.wallNsA() / 1e9;
            cpuJ = packageJ(d.raplA());
            baseCpuJ = packageJ(d.raplB()) * scale;
            if (d.raplA().stream().anyMatch(DriverEnergy.RaplZone::isDram)) {
                method = RAPL;
                ramJ = dramJ(d.raplA());
                baseRamJ = dramJ(d.raplB()) * scale;
            } else {
                method = RAPL_MODEL_RAM;
                ramJ = gib(peakRss) * s.ramWattsPerGib() * wall;
                baseRamJ = gib(d.rssBytesB()) * s.ramWattsPerGib() * wall;
                notes.add("no RAPL dram zone: memory from the model");
            }
        } else {
            baseCpuJ = d.cpuSB() * (wallA * 1e9 / d.wallNsB()) * cpu.wattsPerCore();
            baseRamJ = gib(d.rssBytesB()) * s.ramWattsPerGib() * wallA;
            if (d.raplReason() != null) {
                notes.add("RAPL not used: " + d.raplReason());
            }
        }
        if (d != null && d.baselineCapped()) {
            notes.add(String.format(Locale.ROOT, "baseline B ran %.1f s and was scaled to A's %.1f s",
                    d.wallNsB() / 1e9, d.wallNsA() / 1e9));
        }
        return new EnergyResult(method, cpu.source(), cpu.how(), cpu.wattsPerCore(), s.ramWattsPerGib(), wall, alerts,
                cpuJ, ramJ, baseCpuJ, baseRamJ, s.pue(), s.intensity().code(), s.intensity().gramsPerKWh(),
                s.intensity().source(), s.alertsPerNight(), s.nightsPerYear(), notes,
                d == null ? Map.of() : codecarbon(d));
    }

    /**
     * codecarbon's own figures as the driver reported them, plus its A − B in joules (B scaled to
     * A's duration like ours) when both sides ran: {@code energy_consumed} is in kWh.
     */
    static Map<String, Object> codecarbon(DriverEnergy d) {
        Map<String, Object> cc = new java.util.LinkedHashMap<>(d.codecarbon());
        if (cc.get("a") instanceof Map<?, ?> a && cc.get("b") instanceof Map<?, ?> b
                && a.get("energy_consumed") instanceof Number ea && b.get("energy_consumed") instanceof Number eb
                && d.wallNsB() > 0) {
            double scale = (double) d.wallNsA() / d.wallNsB();
            cc.put("netJ", (ea.doubleValue() - eb.doubleValue() * scale) * EnergyResult.JOULES_PER_KWH);
            Object mode = a.get("mode");
            cc.put("mode", mode == null ? "unknown" : String.valueOf(mode));
        }
        return cc;
    }

    /**
     * The engine's hook: the module with its estimate in {@code extra.energy}; unchanged when it
     * measured nothing.
     */
    public static ModuleResult attach(ModuleResult m, String cpuModel, EnergySettings s) {
        EnergyResult e = estimate(m, cpuModel, s);
        return e == null ? m : m.toBuilder().energy(e).build();
    }

    private static double packageJ(List<DriverEnergy.RaplZone> zones) {
        return zones.stream().filter(z -> !z.isDram()).mapToLong(DriverEnergy.RaplZone::uj).sum() / 1e6;
    }

    private static double dramJ(List<DriverEnergy.RaplZone> zones) {
        return zones.stream().filter(DriverEnergy.RaplZone::isDram).mapToLong(DriverEnergy.RaplZone::uj).sum() / 1e6;
    }

    private static double gib(double bytes) {
        return bytes / GIB;
    }
}
