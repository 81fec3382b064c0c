package io.finkperf.energy;

import static io.finkperf.energy.EnergyFixtures.driverModel;
import static io.finkperf.energy.EnergyFixtures.driverRapl;
import static io.finkperf.energy.EnergyFixtures.module;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.EnergyResult;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ResultsJson;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EnergyModelTest {

    static final String EPYC_7763 = "AMD EPYC 7763 64-Core Processor";
    static final double EPS = 1e-9;

    /** The joules of an estimate, A then B then A − B, each rounded to the nanojoule: one assertion shows them all. */
    record Joules(double cpu, double ram, double baselineCpu, double baselineRam, double baseline, double netCpu,
            double netRam, double net) {

        static Joules of(EnergyResult e) {
            double[] j = DoubleStream.of(e.cpuJ(), e.ramJ(), e.baselineCpuJ(), e.baselineRamJ(), e.baselineJ(), e.netCpuJ(),
                    e.netRamJ(), e.netJ()).map(joules -> Math.round(joules * 1e9) / 1e9).toArray();
            return new Joules(j[0], j[1], j[2], j[3], j[4], j[5], j[6], j[7]);
        }
    }

    @Nested
    class Model {

        /*
         * EPYC 7763: 280 W / 64 cores = 4.375 W/core. Module: 2 loops × 2 s = 4 s, 3.5 + 0.5 = 4.0 CPU s,
         * peak RSS 2 GiB. Driver: B ran 2 s with 0.01 CPU s, RSS before import 0.5 GiB.
         *   A cpu  = 4.0 s × 4.375 W            = 17.5 J
         *   A ram  = 2 GiB × 0.375 W/GiB × 4 s  = 3.0 J
         *   B cpu  = 0.01 s × (4 s / 2 s) × 4.375 = 0.0875 J
         *   B ram  = 0.5 GiB × 0.375 × 4 s      = 0.75 J
         *   A − B  = 20.5 − 0.8375              = 19.6625 J  (cpu 17.4125, ram 2.25)
         */
        @Test
        void handComputedJoules() {
            EnergyResult e = EnergyModel.estimate(module(driverModel(0.01)), EPYC_7763, EnergySettings.defaults());
            assertEquals(EnergyModel.MODEL, e.method());
            assertEquals(4.375, e.wattsPerCore(), EPS);
            assertEquals(4.0, e.wallSeconds(), EPS);
            assertEquals(2000, e.alerts());
            // A cpu, ram; B cpu, ram, sum; A − B cpu, ram, sum
            assertEquals(new Joules(17.5, 3.0, 0.0875, 0.75, 0.8375, 17.4125, 2.25, 19.6625), Joules.of(e));
            assertTrue(e.notes().stream().anyMatch(n -> n.startsWith("RAPL not used: no RAPL zones")), e.notes().toString());
            assertTrue(e.notes().stream().anyMatch(n -> n.contains("baseline B ran 2.0 s")), e.notes().toString());
            assertEquals(false, e.codecarbon().get("available"));
        }

        /*
         * per alert = 19.6625 J / 2000 = 0.00983125 J; per 1000 alerts = 9.83125 J
         * CO2 (FR 56 g/kWh, PUE 1.25): 0.00983125 × 1.25 / 3.6e6 × 56 = 1.9116319444e-7 g/alert
         * night (200 000 alerts): 0.0382326389 g = 3.82326389e-5 kg; year (300 nights): 0.0114697917 kg
         */
        @Test
        void handComputedCo2() {
            EnergyResult e = EnergyModel.estimate(module(driverModel(0.01)), EPYC_7763, EnergySettings.defaults());
            assertEquals(0.00983125, e.netJPerAlert(), EPS);
            assertEquals(9.83125, e.netJPer1000Alerts(), EPS);
            assertEquals(1.9116319444e-7, e.gCo2PerAlert(), 1e-16);
            assertEquals(3.82326389e-5, e.kgCo2PerNight(), 1e-13);
            assertEquals(0.0114697917, e.kgCo2PerYear(), 1e-10);
            // 0.00983125 J × 1.25 × 200 000 × 300 / 3.6e6 = 0.2048177 kWh a year
            assertEquals(0.204817708, e.kWhPerYear(), 1e-8);
        }

        /* WORLD 475 g/kWh, PUE 1.5: 0.00983125 × 1.5 / 3.6e6 × 475 = 1.9457682e-6 g/alert */
        @Test
        void settingsChangeOnlyTheCo2() {
            EnergySettings s = EnergySettings.defaults().withIntensity(CarbonIntensity.of("world")).withPue(1.5);
            EnergyResult e = EnergyModel.estimate(module(driverModel(0.01)), EPYC_7763, s);
            assertEquals(19.6625, e.netJ(), EPS);
            assertEquals(1.94576823e-6, e.gCo2PerAlert(), 1e-14);
            assertEquals("WORLD", e.intensityCode());
        }

        /* Without the driver's object: A only. 17.5 + 3.0 = 20.5 J, no baseline. */
        @Test
        void noDriverObjectMeansNoBaseline() {
            EnergyResult e = EnergyModel.estimate(module(null), EPYC_7763, EnergySettings.defaults());
            assertEquals(20.5, e.netJ(), EPS);
            assertEquals(0.0, e.baselineJ(), EPS);
            assertTrue(e.notes().get(0).startsWith("no baseline B"));
        }

        @Test
        void noLoopsNoEstimate() {
            ModuleResult m = module(List.of(), 0, 0, driverModel(0.0));
            assertNull(EnergyModel.estimate(m, EPYC_7763, EnergySettings.defaults()));
            assertSame(m, EnergyModel.attach(m, EPYC_7763, EnergySettings.defaults()));
        }
    }

    @Nested
    class Rapl {

        /*
         * A 4 s: package 30 J, dram 4 J. B 2 s: package 10 J, dram 1.5 J → scaled × 2: 20 J, 3 J.
         * A − B = 34 − 23 = 11 J (cpu 10, ram 1); per alert 11 / 2000 = 0.0055 J.
         */
        @Test
        void packageAndDram() {
            EnergyResult e = EnergyModel.estimate(module(driverRapl(true)), EPYC_7763, EnergySettings.defaults());
            assertEquals(EnergyModel.RAPL, e.method());
            assertEquals(new Joules(30.0, 4.0, 20.0, 3.0, 23.0, 10.0, 1.0, 11.0), Joules.of(e));
            assertEquals(0.0055, e.netJPerAlert(), EPS);
        }

        /* No dram zone: RAM from the model over A's 4 s: 2 GiB × 0.375 × 4 = 3 J, B 0.5 × 0.375 × 4 = 0.75 J. */
        @Test
        void packageOnlyTakesRamFromTheModel() {
            EnergyResult e = EnergyModel.estimate(module(driverRapl(false)), EPYC_7763, EnergySettings.defaults());
            assertEquals(EnergyModel.RAPL_MODEL_RAM, e.method());
            assertEquals(new Joules(30.0, 3.0, 20.0, 0.75, 20.75, 30.0 - 20.0, 2.25, 12.25), Joules.of(e));
        }

        @Test
        void unreadableCounterFallsBackToTheModel() {
            Map<String, Object> d = driverRapl(true);
            d.put("rapl_uj_b", List.of(Map.of("zone", "intel-rapl:0", "name", "package-0")));  // uj null: wrap unknown
            EnergyResult e = EnergyModel.estimate(module(d), EPYC_7763, EnergySettings.defaults());
            assertEquals(EnergyModel.MODEL, e.method());
        }
    }

    /*
     * The point of issue 8: constant power makes A − B = 0 by construction. Measured CPU time does
     * not: busy (4 CPU s in 4 s) vs sleeping (0.01 CPU s in 4 s), same memory, same baseline.
     *   busy net cpu  = 4.0 × 4.375 − 0.0875 = 17.4125 J
     *   sleep net cpu = 0.01 × 4.375 − 0.0875 = −0.04375 J   (noise around 0)
     */
    @Test
    void busyModuleCostsMoreThanSleepingOne() {
        EnergySettings s = EnergySettings.defaults();
        EnergyResult busy = EnergyModel.estimate(module(List.of(2_000_000_000L, 2_000_000_000L), 3.9, 0.1,
                driverModel(0.01)), EPYC_7763, s);
        EnergyResult sleep = EnergyModel.estimate(module(List.of(2_000_000_000L, 2_000_000_000L), 0.01, 0.0,
                driverModel(0.01)), EPYC_7763, s);
        assertEquals(17.4125, busy.netCpuJ(), EPS);
        assertEquals(-0.04375, sleep.netCpuJ(), EPS);
        assertTrue(busy.netJ() > sleep.netJ());
    }

    /*
     * codecarbon beside ours: A 1e-6 kWh = 3.6 J over 4.2 s, B 4e-7 kWh = 1.44 J over 2 s → scaled × 2.1 = 3.024 J.
     * Its A − B = 0.576 J over 2 000 alerts = 0.288 J per 1 000 alerts.
     */
    @Test
    void codecarbonNetBesideOurs() {
        Map<String, Object> d = new java.util.LinkedHashMap<>(driverModel(0.01));
        d.put("codecarbon", Map.of("available", true, "version", "2.8.0",
                "a", Map.of("energy_consumed", 1e-6, "mode", "constant"), "b", Map.of("energy_consumed", 4e-7)));
        EnergyResult e = EnergyModel.estimate(module(d), EPYC_7763, EnergySettings.defaults());
        assertEquals(0.288, e.codecarbonNetJPer1000Alerts(), 1e-9);
        assertEquals("constant", e.codecarbonMode());
        EnergyResult none = EnergyModel.estimate(module(driverModel(0.01)), EPYC_7763, EnergySettings.defaults());
        assertTrue(Double.isNaN(none.codecarbonNetJPer1000Alerts()));
        assertNull(none.codecarbonMode());
    }

    @Test
    void attachStoresAnEstimateThatSurvivesResultsJson() throws Exception {
        ModuleResult attached = EnergyModel.attach(module(driverModel(0.01)), EPYC_7763, EnergySettings.defaults());
        assertNotNull(attached.extra().energyDriver(), "the raw driver object is kept");
        String json = ResultsJson.mapper().writeValueAsString(attached);
        ModuleResult m = ResultsJson.mapper().readValue(json, ModuleResult.class);
        assertEquals(attached, m);
        EnergyResult e = m.extra().energy();
        assertNotNull(e);
        assertEquals(19.6625, e.netJ(), EPS);
        assertEquals(EnergyModel.MODEL, e.method());
        // derived figures are written for other readers
        assertEquals(e.netJ(), ResultsJson.mapper().readTree(json).path("extra").path("energy").path("netJ").asDouble(), EPS);
        // recomputed from the stored raw object with other settings
        EnergyResult world = EnergyModel.estimate(m, EPYC_7763,
                EnergySettings.defaults().withIntensity(CarbonIntensity.of("WORLD")));
        assertEquals(e.netJ(), world.netJ(), EPS);
    }
}
