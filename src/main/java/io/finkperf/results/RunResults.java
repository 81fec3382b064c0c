package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/** One run of fink-perf: what was measured, where, and with which options. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunResults(
        String schema,
        String toolVersion,
        String startedAt,
        String finishedAt,
        Environment environment,
        RunConfig config,
        List<ModuleResult> modules,
        @JsonInclude(JsonInclude.Include.NON_NULL) ScaleReport scale) {

    public static final String SCHEMA = "fink-perf/results/1";

    public RunResults {
        modules = modules == null ? List.of() : List.copyOf(modules);
    }

    public RunResults(String schema, String toolVersion, String startedAt, String finishedAt, Environment environment,
                      RunConfig config, List<ModuleResult> modules) {
        this(schema, toolVersion, startedAt, finishedAt, environment, config, modules, null);
    }

    /** With the {@code scale} section (fink-perf scale, profile --scale). */
    public RunResults withScale(ScaleReport s) {
        return new RunResults(schema, toolVersion, startedAt, finishedAt, environment, config, modules, s);
    }

    public RunResults withModule(ModuleResult module) {
        return new RunResults(schema, toolVersion, startedAt, finishedAt, environment, config,
                ModuleLists.replacing(modules, module, ModuleResult::name), scale);
    }

    public RunResults finished(String at) {
        return new RunResults(schema, toolVersion, startedAt, at, environment, config, modules, scale);
    }

    public RunResults withEnvironment(Environment env) {
        return new RunResults(schema, toolVersion, startedAt, finishedAt, env, config, modules, scale);
    }

    public Optional<ModuleResult> module(String name) {
        return modules.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
