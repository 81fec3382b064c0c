package io.finkperf.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleResultTest {

    @Test
    void aBareBuilderIsAnOkModuleThatMeasuredNothing() {
        ModuleResult m = ModuleResult.builder("m", "feature", "pkg.m:f", "out").build();
        assertTrue(m.ok());
        assertEquals(List.of(), m.samplesNs());
        assertEquals(0, m.peakRssBytes(), "not measured");
        assertSame(ModuleExtra.NONE, m.extra());
        assertSame(LineProfile.NONE, m.lineProfile());
        assertEquals(0, m.timeStats().n());
    }

    @Test
    void toBuilderCopiesEverythingAndChangesOnlyWhatIsSet() {
        ModuleResult measured = GoldenRun.measured();
        assertEquals(measured, measured.toBuilder().build());
        ModuleResult spark = measured.toBuilder().spark(new SparkFailure(List.of("boom"))).build();
        assertEquals(measured.extra().energy(), spark.extra().energy(), "the other sections stay");
        assertEquals(List.of("boom"), ((SparkFailure) spark.extra().spark()).errors());
        assertNull(measured.extra().spark(), "the original is unchanged");
    }

    @Test
    void samplesAreCopiedAndStatisticsDeriveFromThem() {
        List<Long> samples = new ArrayList<>(List.of(1_000_000_000L, 500_000_000L));
        ModuleResult m = ModuleResult.builder("m", "feature", "pkg.m:f", "out").nAlerts(100)
                .loops(List.of(), samples).build();
        samples.add(1L);
        assertEquals(2, m.samplesNs().size());
        assertThrows(UnsupportedOperationException.class, () -> m.samplesNs().add(1L));
        // 100 alerts in 1 s and in 0.5 s
        assertEquals(150.0, m.throughputStats().mean(), 1e-9);
        assertEquals(0.75, m.timeStats().mean(), 1e-12);
    }

    @Test
    void aFailureKeepsItsStatusAndError() {
        ModuleError err = new ModuleError("timeout", null, "module 'm' timed out", null);
        ModuleResult m = ModuleResult.builder("m", "feature", "pkg.m:f", "out").failed(ModuleStatus.TIMEOUT, err).build();
        assertEquals(ModuleStatus.TIMEOUT, m.status());
        assertSame(err, m.error());
        assertTrue(Double.isNaN(m.throughputStats().mean()));
    }
}
