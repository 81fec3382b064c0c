package io.finkperf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DataPathCostTest {

    @Test
    void aLineThroughTwoSizes() {
        // 0.2 s fixed + 1 µs per alert: 0.21 s at 10 000, 0.3 s at 100 000
        DataPathCost c = DataPathCost.fit(10_000, 0.21, 100_000, 0.30);
        assertEquals(0.2, c.fixedSeconds(), 1e-9);
        assertEquals(1_000_000, c.alertsPerSecond(), 1e-3);
    }

    @Test
    void noiseThatMakesTheBigBatchFasterGivesNoRate() {
        DataPathCost c = DataPathCost.fit(10_000, 0.25, 100_000, 0.24);
        assertEquals(Double.POSITIVE_INFINITY, c.alertsPerSecond());
        assertEquals(0.24, c.fixedSeconds());
    }

    @Test
    void sizesMustGrow() {
        assertThrows(IllegalArgumentException.class, () -> DataPathCost.fit(10, 1, 10, 2));
    }
}
