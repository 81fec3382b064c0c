package io.finkperf.energy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Vendor TDP per core for common server and desktop CPUs. A model not in the table gets the median
 * W/core of its family's rows (a cloud VM often reports only "AMD EPYC" or "Intel Xeon … @ 2.20GHz"),
 * else the median of the whole table. TDP is a cooling design figure, not a measurement: a busy
 * core draws somewhere around it, which is why docs/energy.md calls the model factor-of-2.
 */
public final class TdpTable {

    private static final String AMD = "AMD product specifications (amd.com), vendor TDP / cores";
    private static final String INTEL = "Intel ARK (ark.intel.com), TDP or processor base power / cores";
    private static final String APPLE = "no vendor TDP: CPU package power under all-core load as measured by "
            + "AnandTech (M1: 'The 2020 Mac Mini Unleashed', Nov 2020; M1 Max: 'Apple's M1 Pro, M1 Max SoCs "
            + "Investigated', Oct 2021), rounded";

    /** The default rows. */
    public static final List<CpuPower> DEFAULT_ROWS = List.of(
            new CpuPower("epyc 9654", "epyc", "AMD EPYC 9654", 360, 96, AMD),
            new CpuPower("epyc 9554", "epyc", "AMD EPYC 9554", 360, 64, AMD),
            new CpuPower("epyc 7763", "epyc", "AMD EPYC 7763", 280, 64, AMD),
            new CpuPower("epyc 7742", "epyc", "AMD EPYC 7742", 225, 64, AMD),
            new CpuPower("epyc 7543", "epyc", "AMD EPYC 7543", 225, 32, AMD),
            new CpuPower("xeon platinum 8480", "xeon", "Intel Xeon Platinum 8480+", 350, 56, INTEL),
            new CpuPower("xeon platinum 8380", "xeon", "Intel Xeon Platinum 8380", 270, 40, INTEL),
            new CpuPower("xeon gold 6248r", "xeon", "Intel Xeon Gold 6248R", 205, 24, INTEL),
            new CpuPower("xeon gold 6148", "xeon", "Intel Xeon Gold 6148", 150, 20, INTEL),
            new CpuPower("xeon silver 4214", "xeon", "Intel Xeon Silver 4214", 85, 12, INTEL),
            new CpuPower("xeon cpu e5-2680 v4", "xeon", "Intel Xeon E5-2680 v4", 120, 14, INTEL),
            new CpuPower("core i9-13900k", "core", "Intel Core i9-13900K", 125, 24, INTEL),
            new CpuPower("core i7-12700", "core", "Intel Core i7-12700", 65, 12, INTEL),
            new CpuPower("core i5-1135g7", "core", "Intel Core i5-1135G7", 28, 4, INTEL),
            new CpuPower("core i7-8550u", "core", "Intel Core i7-8550U", 15, 4, INTEL),
            new CpuPower("ryzen 9 5950x", "ryzen", "AMD Ryzen 9 5950X", 105, 16, AMD),
            new CpuPower("apple m1 max", "apple m", "Apple M1 Max", 34, 10, APPLE),
            new CpuPower("apple m1", "apple m", "Apple M1", 20, 8, APPLE));

    private static final List<String> FAMILIES = List.of("epyc", "xeon", "core", "ryzen", "apple m");

    private final List<CpuPower> rows;

    public TdpTable(List<CpuPower> rows) {
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("a TDP table needs at least one row");
        }
        this.rows = List.copyOf(rows);
    }

    public static TdpTable defaults() {
        return new TdpTable(DEFAULT_ROWS);
    }

    public List<CpuPower> rows() {
        return rows;
    }

    /** "Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz" → "intel xeon gold 6148 cpu @ 2.40ghz". */
    static String normalise(String cpuModel) {
        return cpuModel == null ? "" : cpuModel.replaceAll("\\((R|r|TM|tm)\\)", " ").toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ").strip();
    }

    public CpuPowerMatch lookup(String cpuModel) {
        String m = normalise(cpuModel);
        Optional<CpuPower> row = rows.stream().filter(r -> m.contains(r.key()))
                .max(Comparator.comparingInt(r -> r.key().length()));
        if (row.isPresent()) {
            CpuPower r = row.get();
            return new CpuPowerMatch(r.wattsPerCore(), "table", r.name(), String.format(Locale.ROOT,
                    "%s: %.0f W / %d cores (%s)", r.name(), r.tdpWatts(), r.cores(), r.source()));
        }
        for (String family : FAMILIES) {
            if (familyMatches(m, family)) {
                List<CpuPower> of = rows.stream().filter(r -> r.family().equals(family)).toList();
                if (!of.isEmpty()) {
                    return new CpuPowerMatch(median(of), "family-median", family, String.format(Locale.ROOT,
                            "'%s' is not in the TDP table: median W/core of its %d '%s' rows", cpuModel, of.size(), family));
                }
            }
        }
        return new CpuPowerMatch(median(rows), "fallback", "unknown", String.format(Locale.ROOT,
                "'%s' is not in the TDP table: median W/core of all %d rows", cpuModel, rows.size()));
    }

    private static boolean familyMatches(String model, String family) {
        return switch (family) {
            case "core" -> model.matches(".*\\bcore i[3579]\\b.*") || model.matches(".*\\bcore ultra\\b.*");
            default -> model.contains(family);
        };
    }

    static double median(List<CpuPower> of) {
        double[] w = of.stream().mapToDouble(CpuPower::wattsPerCore).toArray();
        Arrays.sort(w);
        int n = w.length;
        return n % 2 == 1 ? w[n / 2] : (w[n / 2 - 1] + w[n / 2]) / 2.0;
    }

    /** A copy with one more row (or a row replacing the one with the same key): for --tdp overrides. */
    public TdpTable with(CpuPower row) {
        List<CpuPower> more = new ArrayList<>(rows);
        more.removeIf(r -> r.key().equals(row.key()));
        more.add(0, row);
        return new TdpTable(more);
    }
}
