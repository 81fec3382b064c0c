package io.finkperf.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/**
 * What came back from one driver run. {@code result} is the driver's result JSON when it wrote one
 * and it passed the checks (null after a timeout, a kill, a crash, or when not trusted); the loop
 * samples seen on the control channel are kept, so a module killed mid-run still reports the loops
 * it finished (none when the run is not trusted). {@code observed}: what the trusted side measured
 * of an OK run (null otherwise).
 */
public record DriverOutcome(
        Status status,
        int exitCode,
        JsonNode result,
        List<Long> warmupSeenNs,
        List<Long> samplesSeenNs,
        String errorLine,
        Duration wallTime,
        Observed observed) {

    /**
     * KILLED: by a signal the kernel did not attribute to memory; INCOMPLETE: exited 0 without a
     * result or with fewer samples than asked; UNTRUSTED: what it reported disagrees with what
     * fink-perf observed, or something wrote on its control channel or result that the driver did not.
     */
    public enum Status { OK, MODULE_ERROR, MISSING_PACKAGE, BAD_BATCH, TIMEOUT, OUT_OF_MEMORY, CRASH, KILLED, INCOMPLETE,
        UNTRUSTED }

    public DriverOutcome {
        warmupSeenNs = List.copyOf(warmupSeenNs);
        samplesSeenNs = List.copyOf(samplesSeenNs);
    }

    /** An outcome with nothing observed from outside (failed runs, runs not paced). */
    public DriverOutcome(Status status, int exitCode, JsonNode result, List<Long> warmupSeenNs, List<Long> samplesSeenNs,
                         String errorLine, Duration wallTime) {
        this(status, exitCode, result, warmupSeenNs, samplesSeenNs, errorLine, wallTime, null);
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
            default -> Status.CRASH;
        };
    }
}
