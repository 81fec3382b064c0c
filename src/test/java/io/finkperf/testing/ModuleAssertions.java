package io.finkperf.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.ModuleResult;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.RunResults;

/** Checks on one module of a run's results, with the module's error in every failure message. */
public final class ModuleAssertions {

    private ModuleAssertions() {
    }

    /** Module {@code name} ended with {@code status}, and its error message contains {@code part}; returns it. */
    public static ModuleResult assertFailed(RunResults results, String name, ModuleStatus status, String part) {
        ModuleResult m = results.module(name).orElseThrow(() -> new AssertionError("no module " + name + " in the results"));
        assertEquals(status, m.status(), name + ": " + m.error());
        assertNotNull(m.error(), name + " has no error");
        assertTrue(m.error().message().contains(part), name + ": " + m.error().message());
        return m;
    }
}
