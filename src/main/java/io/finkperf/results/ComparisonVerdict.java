package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A module's timing verdict, as printed. */
public enum ComparisonVerdict {
    SLOWER("slower"),
    FASTER("faster"),
    UNCHANGED("unchanged"),
    TOO_NOISY("too noisy to judge"),
    FAILED_ON_BASE("failed on base"),
    FAILED_ON_HEAD("failed on head"),
    FAILED_ON_BOTH("failed on both"),
    NEW_MODULE("new module"),
    REMOVED_MODULE("removed module"),
    SKIPPED("skipped");

    private final String label;

    ComparisonVerdict(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static ComparisonVerdict of(String label) {
        for (ComparisonVerdict v : values()) {
            if (v.label.equals(label) || v.name().equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + label + "'");
    }
}
