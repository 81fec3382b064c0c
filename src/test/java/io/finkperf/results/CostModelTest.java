package io.finkperf.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostModelTest {

    static List<BatchSizeRun> calls(double aNs, double bNs, double noise, int... sizes) {
        return ScaleFixtures.calls(aNs, bNs, noise, sizes);
    }

    static LengthRun resized(int length, double perAlertNs, int k, double aNs) {
        return ScaleFixtures.resized(length, perAlertNs, k, aNs);
    }

    @Nested
    class CostFits {

        @Test
        void recoversFixedAndPerAlertCostWithIntervalsAroundThem() {
            CostFit f = CostFit.of(calls(5e6, 20e3, 0.05, 1, 10, 100, 1000, 10000));
            assertEquals(5e6, f.aNs(), 0.05 * 5e6);
            assertEquals(20e3, f.bNs(), 0.02 * 20e3);
            assertTrue(f.aInterval95()[0] <= f.aNs() && f.aNs() <= f.aInterval95()[1]);
            assertTrue(f.bInterval95()[0] < 20e3 && 20e3 < f.bInterval95()[1], () -> java.util.Arrays.toString(f.bInterval95()));
            // a/(a+bN) < 10 % from N > 9a/b = 2250
            assertEquals(2250, f.fixedUnderTenPercentAt(), 150);
            assertTrue(f.relativeResiduals().stream().allMatch(r -> Math.abs(r) < 0.05), f.relativeResiduals().toString());
            assertEquals(10000 / ((5e6 + 20e3 * 10000) / 1e9), f.alertsPerSecondPerCore(10000), 0.03 * 48780);
        }

        @Test
        void aModuleWithoutFixedCostGetsAZeroIntercept() {
            CostFit f = CostFit.of(calls(0, 100e3, 0.0, 1, 10, 100));
            assertEquals(0, f.aNs(), 1);
            assertEquals(100e3, f.bNs(), 1);
            assertEquals(1, f.fixedUnderTenPercentAt());
        }

        @Test
        void oneBatchSizeIsNotAFit() {
            assertNull(CostFit.of(calls(1e6, 1e3, 0, 100)));
        }
    }

    @Nested
    class LengthFits {

        @ParameterizedTest(name = "t = {0} + {1}·L^{2}")
        @CsvSource({"2000, 3, 2.0", "1000, 50, 1.0", "500, 0.2, 3.0"})
        void recoversThePowerOfTheGrowingPart(double c0, double c, double k) {
            List<LengthRun> runs = new ArrayList<>();
            for (int l : new int[] {1, 5, 20, 100, 500}) {
                // L = 1 takes an early exit: far cheaper than the law, and left out of the fit
                runs.add(resized(l, l == 1 ? 100 : c0 + c * Math.pow(l, k), 16, 30_000));
            }
            LengthFit f = LengthFit.of(runs, 30_000, List.of(1000), 5);
            assertEquals(k, f.exponent(), 0.02);
            assertFalse(f.flat());
            assertEquals(5, f.lengths().size());
            assertEquals(100, f.perAlertNs().get(0), 1);
            assertEquals(c0 + c * Math.pow(1000, k), f.projections().get(0).perAlertNs(), 0.05 * (c0 + c * Math.pow(1000, k)));
        }

        @Test
        void aCostThatDoesNotGrowIsFlatWithNoExponent() {
            List<LengthRun> runs = List.of(resized(5, 4000, 100, 0), resized(20, 4100, 100, 0), resized(100, 3950, 100, 0),
                    resized(500, 4050, 100, 0));
            LengthFit f = LengthFit.of(runs, 0, List.of(5000), 5);
            assertTrue(f.flat());
            assertNull(f.exponent());
            assertEquals(0, f.localExponent());
            assertEquals(4000, f.projections().get(0).perAlertNs(), 100);
        }
    }

    @Nested
    class Branches {

        static FunctionProfile function(String name, long totalNs, long firstHits) {
            return new FunctionProfile("m.py", name, 1, totalNs, List.of(new LineStat(1, 0, 0, "def"),
                    new LineStat(2, firstHits, totalNs / 2, "x"), new LineStat(3, firstHits * 5, totalNs / 2, "y")));
        }

        @Test
        void theCostlyCallOnThirtyAlertsOfAThousand() {
            // the seed's hostless example: 60 % of the time in a call that 30 alerts of 1 000 reach
            LineProfile p = new LineProfile(List.of(function("entry", 1_000_000, 1), function("cheap", 100_000, 1000),
                    function("costly", 600_000, 30)));
            BranchCost b = BranchCost.of(p, 1000, 1, 1000.0).orElseThrow();
            assertEquals("costly", b.function());
            assertEquals(30, b.calls());
            assertEquals(0.03, b.fractionOfAlerts(), 1e-12);
            assertEquals(0.6, b.shareOfTime(), 1e-12);
            assertEquals(1000.0 * (0.4 + 0.6 * 1000 / 30.0), b.effectiveNsPerBranchAlert(), 1e-6);
            assertTrue(b.perAlert());
        }

        @Test
        void aFunctionRunOncePerCallIsNoBranch() {
            LineProfile p = new LineProfile(List.of(function("entry", 1_000_000, 1), function("load", 900_000, 1)));
            BranchCost b = BranchCost.of(p, 72, 1, 500.0).orElseThrow();
            assertFalse(b.perAlert());
            assertEquals(500.0, b.effectiveNsPerBranchAlert());
        }
    }

    @Nested
    class Nights {

        @Test
        void coreSecondsWallTimeBudgetSharesAndEnergy() {
            CostFit f = new CostFit(5e6, 20e3, new double[] {0, 0}, new double[] {0, 0}, List.of(1, 10), List.of(0.0, 0.0), 2251L);
            NightCost n = NightCost.of(f, 200_000, 10_000, 8, 4.0, 1.25, 50);
            // 20 calls × 5 ms + 200 000 × 20 µs = 0.1 + 4 = 4.1 core-seconds
            assertEquals(4.1, n.coreSeconds(), 1e-9);
            assertEquals(4.1 / 8, n.wallSecondsOnCores(), 1e-9);
            assertEquals(75 / (200_000 / 4.1), n.shareOfOneSecondBudget(), 1e-12);
            assertEquals(4.1 * 4.0 * 1.25 / 3.6e6, n.energyKWh(), 1e-15);
            assertEquals(n.energyKWh() * 50 / 1000, n.co2Kg(), 1e-18);
            // fewer alerts than a batch: one call
            assertEquals(0.005 + 100 * 20e-6, NightCost.of(f, 100, 10_000, 8, 4, 1, 1).coreSeconds(), 1e-12);
        }

        @Test
        void memoryLineFromThePeaks() {
            MemoryFit m = MemoryFit.of(calls(1, 1, 0, 1, 10, 100, 1000), 500);
            assertEquals(10, m.bytesPerAlert(), 1e-9);
            assertEquals(0, m.bytesPerCall(), 1e-6);
            assertEquals(1000 + 10 * 1000 - 500, m.maxPeakAboveIdleBytes());
        }
    }
}
