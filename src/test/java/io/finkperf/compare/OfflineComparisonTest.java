package io.finkperf.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.Comparison;
import io.finkperf.results.ComparisonModule;
import io.finkperf.results.ComparisonSide;
import io.finkperf.results.ComparisonVerdict;
import io.finkperf.results.ModuleError;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.OutputComparison;
import io.finkperf.results.RunResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OfflineComparisonTest {

    static ModuleResult module(String name, long nAlerts, double loopMs, long seed, String hash) {
        Random rnd = new Random(seed);
        List<Long> loops = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            loops.add(Math.round(loopMs * 1e6 * Math.exp(0.01 * rnd.nextGaussian())));
        }
        return ModuleResult.builder(name, "feature", "m:f", name).ok().nAlerts(nAlerts).loops(List.of(), loops)
                .output(hash, "float64").build();
    }

    static RunResults run(ModuleResult... modules) {
        return new RunResults(RunResults.SCHEMA, "0.1.0", "t0", "t1", null, null, List.of(modules));
    }

    @Test
    void two_results_files_compare_unpaired_per_alert_and_say_they_are_not_interleaved() {
        RunResults base = run(module("a", 100, 10, 1, "h1"), module("b", 100, 10, 2, "h2"), module("gone", 100, 1, 3, "x"));
        RunResults head = run(module("a", 200, 26, 4, "h1"), module("b", 100, 10, 5, "h2-changed"),
                module("new", 100, 1, 6, "y"));
        Comparison c = OfflineComparison.of(base, head, new ComparisonSide("base", "b.json", null, null),
                new ComparisonSide("head", "h.json", null, null), Judge.DEFAULT);

        assertFalse(c.interleaved());
        ComparisonModule a = c.modules().get(0);
        assertEquals(ComparisonVerdict.SLOWER, a.verdict(), "26 ms for 200 alerts against 10 ms for 100: 1.3x per alert");
        assertEquals(1.3, a.time().ratio(), 0.02);
        assertTrue(a.time().method().contains("Mann-Whitney"));
        assertNull(a.noiseFloor(), "no A/A pass offline");
        assertEquals(OutputComparison.UNKNOWN, a.output().verdict(), "different alerts: outputs not comparable");
        ComparisonModule b = c.modules().get(1);
        assertEquals(ComparisonVerdict.UNCHANGED, b.verdict());
        assertEquals(OutputComparison.CHANGED, b.output().verdict());
        assertFalse(b.output().perAlert());
        assertEquals(ComparisonVerdict.REMOVED_MODULE, c.modules().get(2).verdict());
        assertEquals(ComparisonVerdict.NEW_MODULE, c.modules().get(3).verdict());
    }

    @Test
    void a_module_that_failed_on_head_is_reported_with_its_error() {
        ModuleResult failed = ModuleResult.builder("a", "feature", "m:f", "a")
                .failed(ModuleStatus.ERROR, new ModuleError("exception", "ZeroDivisionError", "division by zero", null))
                .nAlerts(100).build();
        Comparison c = OfflineComparison.of(run(module("a", 100, 10, 1, "h")), run(failed),
                new ComparisonSide("base", "b", null, null), new ComparisonSide("head", "h", null, null), Judge.DEFAULT);
        assertEquals(ComparisonVerdict.FAILED_ON_HEAD, c.modules().get(0).verdict());
        assertEquals("division by zero", c.modules().get(0).error());
    }
}
