package io.finkperf.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExecutorPlanTest {

    @Test
    void perfScriptFormulaPlansExecutorsFromMemory() {
        // n_cpu = total_memory / gb_per_executor, one partition per core; local[2] only runs two at once
        assertEquals(new ExecutorPlan(4, 8, 8, 2), ExecutorPlan.of(8, 2, 2, 2));
    }

    @Test
    void withoutTotalMemoryTheMastersSlotsAreUsed() {
        assertEquals(new ExecutorPlan(0, 2, 2, 2), ExecutorPlan.of(0, 2, 1, 2));
    }

    @Test
    void lessMemoryThanOneExecutorIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ExecutorPlan.of(1, 2, 1, 2));
    }
}
