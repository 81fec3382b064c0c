package io.finkperf.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finkperf.runner.control.ScaleRoundTrips.Measurement;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleCallsTest {

    private static final String SCALE = """
            {"cold_call_ns": 9, "cold_cpu_ns": 8, "warm": {"wall_ns": [5, 6], "cpu_ns": [4, 5]},
             "batch_sizes": [{"n": 1, "wall_ns": [1], "cpu_ns": [1]}, {"n": 100, "wall_ns": [7, 7], "cpu_ns": [6, 6]}],
             "real_bins": [{"lo": 3, "hi": 5, "probes": {"wall_ns": [2, 3], "cpu_ns": [2, 3]}, "wall_ns": [4], "cpu_ns": [4]}],
             "lengths": [{"length": 20, "probes": {"wall_ns": [1], "cpu_ns": [1]}, "wall_ns": [2, 2, 2], "cpu_ns": [2, 2, 2]}]}
            """;

    @Test
    void measurementsComeInTheOrderTheDriverCalledThem() throws Exception {
        List<Measurement> m = ScaleCalls.inCallOrder(new ObjectMapper().readTree(SCALE));
        assertEquals(List.of("cold", "warm", "N=1", "N=100", "bin 3-5 probes", "bin 3-5", "length 20 probes", "length 20"),
                m.stream().map(Measurement::name).toList());
        assertEquals(List.of(9L, 5L, 6L, 1L, 7L, 7L, 2L, 3L, 4L, 1L, 2L, 2L, 2L),
                m.stream().flatMap(x -> x.calls().wallNs().stream()).toList());
        assertEquals(List.of(8L), m.get(0).calls().cpuNs());
    }

    @Test
    void aFigureThatIsNotAWholeNumberOfNanosecondsIsRefused() throws Exception {
        JsonNode j = new ObjectMapper().readTree(SCALE.replace("\"wall_ns\": [5, 6]", "\"wall_ns\": [5, 0.5]"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScaleCalls.inCallOrder(j));
        assertEquals("warm holds 0.5, not a number of ns", e.getMessage());
        JsonNode noProbes = new ObjectMapper().readTree(SCALE.replace("\"probes\": {\"wall_ns\": [1], \"cpu_ns\": [1]}, ", ""));
        assertEquals("length 20 probes lists no calls",
                assertThrows(IllegalArgumentException.class, () -> ScaleCalls.inCallOrder(noProbes)).getMessage());
    }
}
