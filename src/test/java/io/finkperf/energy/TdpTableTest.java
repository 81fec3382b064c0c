package io.finkperf.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TdpTableTest {

    private final TdpTable table = TdpTable.defaults();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // model as /proc/cpuinfo prints it | W/core (TDP / cores) | how
            "AMD EPYC 7763 64-Core Processor             | 4.375    | table",   // 280 / 64
            "Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz    | 7.5      | table",   // 150 / 20
            "Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz   | 8.541667 | table",   // 205 / 24
            "12th Gen Intel(R) Core(TM) i7-12700         | 5.416667 | table",   // 65 / 12
            "Apple M1 Max                                | 3.4      | table",   // 34 / 10, not 'apple m1'
            "Apple M1                                    | 2.5      | table",   // 20 / 8
            // EPYC rows W/core: 3.75, 5.625, 4.375, 3.515625, 7.03125 → median 4.375
            "AMD EPYC                                    | 4.375    | family-median",
            // Xeon rows: 6.25, 6.75, 8.5417, 7.5, 7.0833, 8.5714 → sorted middle pair 7.0833, 7.5 → 7.291667
            "Intel(R) Xeon(R) CPU @ 2.20GHz              | 7.291667 | family-median",
            // Core rows: 3.75, 5.2083, 5.4167, 7.0 → (5.2083 + 5.4167) / 2 = 5.3125
            "Intel(R) Core(TM) i3-10100 CPU @ 3.60GHz    | 5.3125   | family-median",
    })
    void lookup(String model, double wattsPerCore, String how) {
        CpuPowerMatch m = table.lookup(model);
        assertEquals(wattsPerCore, m.wattsPerCore(), 1e-5, m.source());
        assertEquals(how, m.how());
    }

    /*
     * All 18 rows' W/core sorted: 2.5 3.4 3.516 3.75 3.75 4.375 5.208 5.417 [5.625 6.25] 6.5625 6.75 7.0
     * 7.031 7.083 7.5 8.542 8.571 → median (5.625 (EPYC 9554) + 6.25 (Xeon 8480+)) / 2 = 5.9375
     */
    @Test
    void unknownModelsGetTheTableMedianAndSaySo() {
        CpuPowerMatch m = table.lookup("Hygon C86 7185 32-core Processor");
        assertEquals("fallback", m.how());
        assertEquals(5.9375, m.wattsPerCore(), 1e-9);
        assertTrue(m.source().contains("not in the TDP table"));
        assertEquals("fallback", table.lookup(null).how());
    }

    @Test
    void everyRowNamesItsSource() {
        table.rows().forEach(r -> assertTrue(r.source() != null && r.source().length() > 10, r.name()));
    }

    @Test
    void overrideRow() {
        TdpTable t = table.with(new CpuPower("epyc 7763", "epyc", "AMD EPYC 7763 (measured)", 200, 64, "our wattmeter"));
        assertEquals(3.125, t.lookup("AMD EPYC 7763 64-Core Processor").wattsPerCore(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new CpuPower("x", "x", "x", 0, 1, "s"));
    }
}
