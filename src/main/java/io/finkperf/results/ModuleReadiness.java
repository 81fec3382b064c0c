package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether one module can run here, decided before any module runs: the Python packages it imports
 * (found by import spec, nothing imported), the model and data files it loads, the network it needs.
 *
 * @param verdict         {@link Verdict#RUNNABLE} or why not
 * @param missingPackages every package the module's Python lacks, not only the first
 * @param missingFiles    every declared file absent from the science folder
 * @param reason          "needs network", or why fink-perf cannot call it ({@link Verdict#NOT_SUPPORTED})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModuleReadiness(
        String module,
        String entry,
        Verdict verdict,
        List<String> missingPackages,
        List<String> missingFiles,
        String reason) {

    public enum Verdict { RUNNABLE, MISSING, NEEDS_NETWORK, NOT_SUPPORTED }

    public ModuleReadiness {
        missingPackages = missingPackages == null ? List.of() : List.copyOf(missingPackages);
        missingFiles = missingFiles == null ? List.of() : List.copyOf(missingFiles);
    }

    public boolean runnable() {
        return verdict == Verdict.RUNNABLE;
    }

    /** What the table's status column says: {@code runnable}, {@code missing}, {@code needs network}, {@code not supported}. */
    @JsonProperty("status")
    public String status() {
        return verdict.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** Everything in one line: "packages requests, fink_tns; files fink_science/data/x.parquet". */
    @JsonProperty("summary")
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (!missingPackages.isEmpty()) {
            parts.add("packages " + String.join(", ", missingPackages));
        }
        if (!missingFiles.isEmpty()) {
            parts.add("files " + String.join(", ", missingFiles));
        }
        if (reason != null && !reason.isEmpty()) {
            parts.add(reason);
        }
        return String.join("; ", parts);
    }

    /** The one-line error a module that cannot run reports: module, entry point and all it misses. */
    public String message() {
        String where = "module '" + module + "' (" + entry + ")";
        return switch (verdict) {
            case RUNNABLE -> where + " can run";
            case MISSING -> where + " cannot run: missing " + summary();
            case NEEDS_NETWORK -> where + " needs network: not run with --offline";
            case NOT_SUPPORTED -> where + " not run: " + reason;
        };
    }
}
