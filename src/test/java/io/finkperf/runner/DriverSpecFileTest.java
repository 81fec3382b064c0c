package io.finkperf.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriverSpecFileTest {

    static DriverSpec spec(Double baselineMax) {
        return new DriverSpec("m", "pkg.mod:f", Path.of("/s"), Path.of("/b"),
                List.of(DriverArg.column("cjd"), DriverArg.literal(1.5)), 1, 3, true, Path.of("/r.json"), null, "out",
                Duration.ofMinutes(1), "pandas_udf", baselineMax);
    }

    @Test
    void writesTheDriverSpecKeys() {
        ObjectNode json = DriverSpecFile.toJson(spec(12.5));
        assertEquals("fink-perf-driver/1", json.path("format").asText());
        assertEquals("[{\"column\":\"cjd\"},{\"literal\":1.5}]", json.path("args").toString());
        assertEquals(3, json.path("loops").asInt());
        assertEquals(12.5, json.path("energy_baseline_max_s").asDouble());
        assertFalse(json.has("save_output"));
    }

    @Test
    void leavesTheBaselineToTheDriverWhenUnset() {
        assertFalse(DriverSpecFile.toJson(spec(null)).has("energy_baseline_max_s"));
    }
}
