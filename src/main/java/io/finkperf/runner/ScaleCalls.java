package io.finkperf.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.finkperf.results.TimedCalls;
import io.finkperf.runner.control.ScaleRoundTrips.Measurement;
import java.util.ArrayList;
import java.util.List;

/**
 * The module calls a scale run's result lists ({@code fink-perf-scale/1}), as measurements in the order the
 * driver made them: the cold call, the warm calls, each batch size, then each real length bin and each chosen
 * length, its probes before its calls. The JVM requested them one by one in that order.
 */
public final class ScaleCalls {

    private ScaleCalls() {
    }

    /** @throws IllegalArgumentException when a figure is missing or not a whole number of ns */
    public static List<Measurement> inCallOrder(JsonNode scale) {
        List<Measurement> out = new ArrayList<>();
        out.add(new Measurement("cold", new TimedCalls(List.of(number(scale, "cold_call_ns")),
                List.of(number(scale, "cold_cpu_ns")))));
        out.add(new Measurement("warm", calls(scale.path("warm"), "warm")));
        for (JsonNode b : scale.path("batch_sizes")) {
            out.add(new Measurement("N=" + b.path("n").asInt(), calls(b, "batch size")));
        }
        for (JsonNode b : scale.path("real_bins")) {
            String name = "bin " + b.path("lo").asInt() + "-" + b.path("hi").asInt();
            out.add(new Measurement(name + " probes", calls(b.path("probes"), name + " probes")));
            out.add(new Measurement(name, calls(b, name)));
        }
        for (JsonNode b : scale.path("lengths")) {
            String name = "length " + b.path("length").asInt();
            out.add(new Measurement(name + " probes", calls(b.path("probes"), name + " probes")));
            out.add(new Measurement(name, calls(b, name)));
        }
        return out;
    }

    private static TimedCalls calls(JsonNode n, String what) {
        return new TimedCalls(numbers(n.get("wall_ns"), what), numbers(n.get("cpu_ns"), what));
    }

    private static List<Long> numbers(JsonNode array, String what) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new IllegalArgumentException(what + " lists no calls");
        }
        List<Long> out = new ArrayList<>();
        for (JsonNode v : array) {
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
                throw new IllegalArgumentException(what + " holds " + v + ", not a number of ns");
            }
            out.add(v.asLong());
        }
        return out;
    }

    private static long number(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw new IllegalArgumentException(key + " is " + v + ", not a number of ns");
        }
        return v.asLong();
    }
}
