package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The options a run was made with, so a report can say what was measured. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunConfig(
        String registry,
        List<String> modules,
        long nAlerts,
        int warmup,
        int loops,
        int chunkRows,
        long timeoutSeconds,
        String runner,
        String mode) {

    public RunConfig {
        modules = modules == null ? List.of() : List.copyOf(modules);
    }
}
