package io.finkperf.energy;

import io.finkperf.results.DriverEnergy;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ResultsJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Module results and driver energy objects with round numbers, for hand-computed expectations. */
final class EnergyFixtures {

    static final long GIB = 1L << 30;

    private EnergyFixtures() {
    }

    /** 1000 alerts, two loops of 2 s, 3.5 s user + 0.5 s sys of CPU, peak RSS 2 GiB. */
    static ModuleResult module(Map<String, Object> driverEnergy) {
        return module(List.of(2_000_000_000L, 2_000_000_000L), 3.5, 0.5, driverEnergy);
    }

    static ModuleResult module(List<Long> samples, double user, double sys, Map<String, Object> driverEnergy) {
        return ModuleResult.builder("m", "feature", "pkg.mod:fn", "out").nAlerts(1000).nChunks(1)
                .loops(List.of(), samples).peakRssBytes(2 * GIB).cpuSeconds(user, sys).output("sha256:00", "float64")
                .energyDriver(driverEnergy == null ? null : parsed(driverEnergy)).build();
    }

    /** The driver's object parsed as the engine parses it. */
    static DriverEnergy parsed(Map<String, Object> driverEnergy) {
        return ResultsJson.mapper().convertValue(driverEnergy, DriverEnergy.class);
    }

    /** The driver's object as Jackson reads it: A spans 4.2 s, B ran 2 s (capped), RAPL unreadable. */
    static Map<String, Object> driverModel(double cpuSB) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("format", "fink-perf-energy/1");
        d.put("wall_ns_a", 4_200_000_000L);
        d.put("cpu_s_a", 4.1);
        d.put("wall_ns_b", 2_000_000_000L);
        d.put("cpu_s_b", cpuSB);
        d.put("rss_bytes_b", (int) (GIB / 2));
        d.put("peak_rss_bytes_a", 2 * GIB);
        d.put("rapl_readable", false);
        d.put("rapl_reason", "no RAPL zones under /sys/class/powercap");
        d.put("rapl_uj_a", null);
        d.put("rapl_uj_b", null);
        d.put("baseline_capped", true);
        d.put("codecarbon", Map.of("available", false, "reason", "codecarbon not importable (ModuleNotFoundError)"));
        return d;
    }

    /** RAPL readable: A 4 s with package 30 J (+ dram 4 J), B 2 s with package 10 J (+ dram 1.5 J). */
    static Map<String, Object> driverRapl(boolean withDram) {
        Map<String, Object> d = driverModel(0.01);
        d.put("wall_ns_a", 4_000_000_000L);
        d.put("rapl_readable", true);
        d.put("rapl_reason", null);
        d.put("rapl_uj_a", zones(withDram, 30_000_000L, 4_000_000L));
        d.put("rapl_uj_b", zones(withDram, 10_000_000L, 1_500_000L));
        return d;
    }

    private static List<Map<String, Object>> zones(boolean withDram, long pkg, long dram) {
        Map<String, Object> p = Map.of("zone", "intel-rapl:0", "name", "package-0", "uj", pkg);
        return withDram ? List.of(p, Map.of("zone", "intel-rapl:0:1", "name", "dram", "uj", dram)) : List.of(p);
    }
}
