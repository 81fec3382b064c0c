package io.finkperf.report;

import io.finkperf.results.ModuleResult;
import io.finkperf.results.RunResults;
import java.util.List;
import java.util.Map;

/** Reads what Spark mode stores in {@code ModuleResult.extra["spark"]} (see docs/spark.md). */
final class SparkExtras {

    /** The part of the decomposition that direct mode also measures. */
    static final String COMPUTE_PART = "Module compute";

    private SparkExtras() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(ModuleResult m) {
        Object s = m.extra().get("spark");
        return s instanceof Map<?, ?> map && map.containsKey("decomposition") ? (Map<String, Object>) map : null;
    }

    static List<ModuleResult> modules(RunResults r) {
        return r.modules().stream().filter(m -> of(m) != null).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> decomposition(Map<String, Object> spark) {
        return (Map<String, Object>) spark.get("decomposition");
    }

    /** Part name → seconds per loop, in the order Spark mode wrote them. */
    @SuppressWarnings("unchecked")
    static Map<String, Number> parts(Map<String, Object> spark) {
        return (Map<String, Number>) decomposition(spark).get("parts");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Number> detail(Map<String, Object> spark) {
        return (Map<String, Number>) decomposition(spark).get("detail");
    }

    static double num(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
