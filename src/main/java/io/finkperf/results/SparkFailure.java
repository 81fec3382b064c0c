package io.finkperf.results;

import java.util.List;

/** {@code extra.spark} of a module that failed in Spark mode: every failed partition's error. */
public record SparkFailure(List<String> errors) implements SparkSection {

    public SparkFailure {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
