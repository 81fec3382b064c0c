package io.finkperf.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModuleSeriesTest {

    /**
     * Machine B is 30 % faster than A on everything, the module as on the calibration workload:
     * from commit 60 on, runs land on B. Raw throughput jumps; calibrated does not.
     */
    static List<HistoryRecord> machineChangesAtSixty(double noise) {
        Random rnd = new Random(3);
        List<HistoryRecord> out = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            boolean onB = i >= 60;
            double speed = onB ? 1.3 : 1.0;
            double rate = 4400 * speed * (1 + noise * rnd.nextGaussian());
            double calib = 0.018 / speed * (1 + 0.01 * rnd.nextGaussian());
            out.add(HistoryFixtures.record("slow_lc", i, rate, calib, onB ? HistoryFixtures.MACHINE_B : HistoryFixtures.MACHINE_A, rnd));
        }
        return out;
    }

    @Test
    void aFingerprintChangeWithCalibrationIsNoStep() {
        List<HistoryRecord> records = machineChangesAtSixty(0.03);
        ModuleSeries raw = ModuleSeries.of(records, "slow_lc", Measure.RAW);
        assertEquals(1, raw.steps().size(), "raw throughput does step when the machine changes");
        assertEquals(60, raw.steps().get(0).step().index());
        ModuleSeries calibrated = ModuleSeries.of(records, "slow_lc", Measure.CALIBRATED);
        assertEquals(List.of(), calibrated.steps());
        assertTrue(calibrated.points().get(60).fingerprintChanged(), "the machine change is marked");
        assertEquals(1, calibrated.points().stream().filter(ModuleSeries.Point::fingerprintChanged).count());
    }

    @Test
    void aStepIsReportedWithItsCommitRange() {
        Random rnd = new Random(5);
        List<HistoryRecord> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            records.add(HistoryFixtures.record("slow_lc", i, i >= 25 ? 4400 * 0.85 : 4400, 0.018, HistoryFixtures.MACHINE_A, rnd));
        }
        ModuleSeries s = ModuleSeries.of(records, "slow_lc", Measure.CALIBRATED);
        assertEquals(1, s.steps().size());
        ModuleSeries.ChangePoint c = s.steps().get(0);
        assertEquals(HistoryFixtures.commit(24).sha(), c.lastBefore().sha());
        assertEquals(HistoryFixtures.commit(25).sha(), c.firstAfter().sha());
        assertEquals(HistoryFixtures.commit(24).shortSha() + ".." + HistoryFixtures.commit(25).shortSha(), c.range());
        assertEquals(-15, c.step().changePercent(), 1.5);
    }

    @Test
    void runsOfOneCommitMakeOnePointOrderedByCommitDate() {
        Random rnd = new Random(1);
        List<HistoryRecord> records = new ArrayList<>(List.of(
                HistoryFixtures.record("m", 2, 300, 0.018, HistoryFixtures.MACHINE_A, rnd),
                HistoryFixtures.record("m", 1, 100, 0.018, HistoryFixtures.MACHINE_A, rnd),
                HistoryFixtures.record("m", 2, 500, 0.018, HistoryFixtures.MACHINE_A, rnd),
                HistoryFixtures.record("m", 2, 400, 0.018, HistoryFixtures.MACHINE_A, rnd)));
        ModuleSeries s = ModuleSeries.of(records, "m", Measure.RAW);
        assertEquals(2, s.points().size());
        assertEquals(HistoryFixtures.commit(1).sha(), s.points().get(0).commit().sha());
        ModuleSeries.Point two = s.points().get(1);
        assertEquals(3, two.runs().size());
        assertEquals(400, two.value(), 400 * 0.03, "median of the runs");
        assertTrue(two.low() < 300 && two.high() > 500, "spread covers every loop of every run");
        assertFalse(two.fingerprintChanged());
    }

    @Test
    void calibratedIsRawAtTheReferenceSpeed() {
        HistoryRecord r = HistoryFixtures.record("m", 1, 1000, 2 * Calibration.REFERENCE_SECONDS, HistoryFixtures.MACHINE_A,
                new Random(1));
        assertEquals(r.raw() * 2, r.calibrated(), 1e-9, "a machine twice as slow as the reference: calibrated doubles");
    }
}
