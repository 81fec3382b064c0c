package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/**
 * What {@code fink-perf check} prints and {@code profile} checks before running: every selected module
 * (and the producers of its inputs), in run order, with what it misses. Schema {@code fink-perf/check/1}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Readiness(
        String schema,
        String registry,
        String scienceDir,
        String runner,
        boolean offline,
        List<ModuleReadiness> modules) {

    public static final String SCHEMA = "fink-perf/check/1";

    public Readiness {
        modules = modules == null ? List.of() : List.copyOf(modules);
    }

    public Optional<ModuleReadiness> module(String name) {
        return modules.stream().filter(m -> m.module().equals(name)).findFirst();
    }

    public long runnableCount() {
        return modules.stream().filter(ModuleReadiness::runnable).count();
    }
}
