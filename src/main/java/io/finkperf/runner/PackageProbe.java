package io.finkperf.runner;

import java.util.List;
import java.util.Map;

/**
 * Which Python packages the modules' interpreter finds, by import spec
 * ({@code importlib.util.find_spec}: nothing is imported, so a broken package still counts as present).
 *
 * @param present name → version (null when the distribution has no metadata)
 */
public record PackageProbe(Map<String, String> present, List<String> missing) {

    public PackageProbe {
        present = present == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(present));
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    public static final PackageProbe NONE = new PackageProbe(Map.of(), List.of());

    /** What {@code python3 -m fink_perf_driver check-packages a,b} prints; null when stdout is not that JSON. */
    public static PackageProbe fromDriverOutput(String stdout) {
        try {
            com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(stdout.trim().lines().reduce((a, b) -> b).orElse(""));
            if (root == null || !root.has("present") || !root.has("missing")) {
                return null;
            }
            Map<String, String> present = new java.util.LinkedHashMap<>();
            root.get("present").fields().forEachRemaining(e -> present.put(e.getKey(),
                    e.getValue().isNull() ? null : e.getValue().asText()));
            List<String> missing = new java.util.ArrayList<>();
            root.get("missing").forEach(n -> missing.add(n.asText()));
            return new PackageProbe(present, missing);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
