package io.finkperf.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/**
 * What came back from one driver run. {@code result} is the driver's result JSON when it wrote one
 * (null after a timeout, an out-of-memory kill or a crash); the loop samples seen on the progress
 * stream are kept either way, so a module killed mid-run still reports the loops it finished.
 */
public record DriverOutcome(
        Status status,
        int exitCode,
        JsonNode result,
        List<Long> warmupSeenNs,
        List<Long> samplesSeenNs,
        String errorLine,
        Duration wallTime) {

    public enum Status { OK, MODULE_ERROR, MISSING_PACKAGE, BAD_BATCH, TIMEOUT, OUT_OF_MEMORY, CRASH }

    public DriverOutcome {
        warmupSeenNs = List.copyOf(warmupSeenNs);
        samplesSeenNs = List.copyOf(samplesSeenNs);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** Maps the driver's exit code (see ARCHITECTURE.md) to a status. */
    public static Status statusOfExitCode(int exitCode) {
        return switch (exitCode) {
            case 0 -> Status.OK;
            case 3 -> Status.BAD_BATCH;
            case 5 -> Status.MODULE_ERROR;
            case 7 -> Status.MISSING_PACKAGE;
            case 137 -> Status.OUT_OF_MEMORY;
            default -> Status.CRASH;
        };
    }
}
