package io.finkperf.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.finkperf.registry.CallKind;
import io.finkperf.registry.ModuleArg;
import io.finkperf.registry.ModuleSpec;
import io.finkperf.registry.ModuleType;
import io.finkperf.results.DriverEnergy;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.ObservedTiming;
import io.finkperf.runner.DriverOutcome;
import io.finkperf.runner.Observed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The driver's result JSON into a typed {@link ModuleResult}. */
class DriverResultParserTest {

    static final ModuleSpec SPEC = new ModuleSpec("slow_lc", "pkg.slow:score", ModuleType.FEATURE, CallKind.PANDAS_UDF,
            List.of(ModuleArg.column("cjd")), "slow", List.of(), "test");

    static JsonNode json(String text) throws Exception {
        return ResultsJson.mapper().readTree(text);
    }

    @Test
    void aFinishedRunKeepsItsSamplesAndTheDriversEnergyObjectTyped() throws Exception {
        JsonNode r = json("""
                {"status": "ok", "n_alerts": 72, "n_chunks": 1, "import_ns": 5000, "warmup_ns": [30],
                 "samples_ns": [20, 40], "peak_rss_bytes": 1048576, "cpu_user_s": 0.5, "cpu_sys_s": 0.25,
                 "output_hash": "ab", "output_dtype": "float64",
                 "energy": {"format": "fink-perf-energy/1", "wall_ns_a": 60, "cpu_s_a": 0.7, "wall_ns_b": 60,
                            "cpu_s_b": 0.0, "rss_bytes_b": 1024, "peak_rss_bytes_a": 1048576, "rapl_readable": true,
                            "rapl_reason": null,
                            "rapl_uj_a": [{"zone": "intel-rapl:0", "name": "package-0", "uj": 7}],
                            "rapl_uj_b": [{"zone": "intel-rapl:0", "name": "package-0", "uj": null}],
                            "baseline_capped": false, "codecarbon": {"available": false, "reason": "absent"}}}
                """);
        ModuleResult m = DriverResultParser.parse(SPEC, new DriverOutcome(DriverOutcome.Status.OK, 0, r, List.of(), List.of(),
                null, Duration.ofMillis(2500)), Map.of("cjd", "data"), 72);
        assertEquals(List.of(20L, 40L), m.samplesNs());
        assertEquals(1_048_576L, m.peakRssBytes());
        assertEquals(2.5, m.extra().wallSeconds());
        DriverEnergy e = m.extra().energyDriver();
        assertEquals(0.7, e.cpuSA());
        assertEquals(7L, e.raplA().get(0).uj());
        assertNull(e.raplB().get(0).uj(), "a counter wrap the driver could not undo");
        assertFalse(e.raplUsable(), "RAPL with an unknown zone is not used");
        assertEquals("absent", e.codecarbon().get("reason"));
    }

    @Test
    void whatTheTrustedSideMeasuredReplacesTheDriversCpuAndMemoryAndSaysWhoTimedTheSamples() throws Exception {
        JsonNode r = json("""
                {"status": "ok", "n_alerts": 72, "n_chunks": 1, "samples_ns": [20, 40], "peak_rss_bytes": 1048576,
                 "cpu_user_s": 0.5, "cpu_sys_s": 0.25}
                """);
        ObservedTiming timing = new ObservedTiming(ObservedTiming.JVM_ROUND_TRIP, 300, List.of(250L), List.of(25L, 4_045L),
                List.of(18L, 39L), List.of("driver", "jvm"));
        ModuleResult m = DriverResultParser.parse(SPEC, new DriverOutcome(DriverOutcome.Status.OK, 0, r, List.of(), List.of(),
                null, Duration.ofMillis(2500), new Observed(List.of(20L, 3_795L), timing, 0.03, 0.01, 2_097_152L)), Map.of("cjd", "data"), 72);
        assertEquals(List.of(20L, 3_795L), m.samplesNs(), "the driver's figure where it agreed, else the JVM's");
        assertEquals(0.03, m.cpuUserS());
        assertEquals(0.01, m.cpuSysS());
        assertEquals(2_097_152L, m.peakRssBytes());
        assertEquals(timing, m.extra().timing());

        ModuleResult hidden = DriverResultParser.parse(SPEC, new DriverOutcome(DriverOutcome.Status.OK, 0, r, List.of(),
                List.of(), null, Duration.ofMillis(2500), new Observed(List.of(20L, 40L), timing, Double.NaN, Double.NaN, 0)), Map.of(), 72);
        assertEquals(0.5, hidden.cpuUserS(), "/proc not readable: the driver's own figure stands");
        assertEquals(1_048_576L, hidden.peakRssBytes());
    }

    @Test
    void aKilledRunWithoutResultHasNoPeakMemoryAndNoStatistics() {
        ModuleResult m = DriverResultParser.parse(SPEC, new DriverOutcome(DriverOutcome.Status.TIMEOUT, 137, null, List.of(),
                List.of(), null, Duration.ofSeconds(600)), Map.of("cjd", "data"), 72);
        assertEquals(ModuleStatus.TIMEOUT, m.status());
        assertEquals(0, m.peakRssBytes(), "not measured");
        assertEquals(0, m.throughputStats().n());
        assertTrue(Double.isNaN(m.throughputStats().mean()));
        assertNull(m.extra().energyDriver());
        assertEquals(72, m.nAlerts());
    }
}
