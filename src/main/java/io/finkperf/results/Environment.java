package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where and on what the run happened.
 *
 * @param python  versions reported by the driver (python, numpy, pandas, line_profiler, pyspark)
 * @param runner  facts from the runner (name, image, digest…)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Environment(
        String cpuModel,
        int cores,
        long memoryBytes,
        String os,
        String javaVersion,
        String hostname,
        String scienceDir,
        String scienceRef,
        String scienceVersion,
        String dataPath,
        String dataSchema,
        String survey,
        Map<String, Object> python,
        Map<String, Object> runner) {

    public Environment {
        // in the order given (Map.copyOf's order changes from one JVM to the next: results.json would too)
        python = python == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(python));
        runner = runner == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(runner));
    }
}
