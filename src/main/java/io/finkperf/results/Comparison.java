package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A comparison of two versions of the science code ({@code compare.json}): base and head, how they
 * were measured, and per module the verdict with the raw samples it rests on.
 *
 * @param interleaved true when both sides ran in the same job, calls alternating (machine drift
 *                    cancelled); false when two earlier results files were compared
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Comparison(
        String schema,
        String toolVersion,
        String startedAt,
        String finishedAt,
        boolean interleaved,
        ComparisonSide base,
        ComparisonSide head,
        ComparisonSettings settings,
        Environment environment,
        List<ComparisonModule> modules) {

    public static final String SCHEMA = "fink-perf/compare/1";

    public Comparison {
        modules = modules == null ? List.of() : List.copyOf(modules);
    }

    public Comparison withModule(ComparisonModule module) {
        return new Comparison(schema, toolVersion, startedAt, finishedAt, interleaved, base, head, settings,
                environment, ModuleLists.replacing(modules, module, ComparisonModule::name));
    }

    public Comparison finished(String at) {
        return new Comparison(schema, toolVersion, startedAt, at, interleaved, base, head, settings, environment,
                modules);
    }
}
