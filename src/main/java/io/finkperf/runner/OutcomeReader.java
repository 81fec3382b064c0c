package io.finkperf.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Turns what a finished (or killed) driver left behind into a {@link DriverOutcome}. */
public final class OutcomeReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutcomeReader() {
    }

    public static DriverOutcome read(int exitCode, boolean timedOut, Path resultFile, List<Long> warmupSeen,
                                     List<Long> samplesSeen, String lastErrorLine, Duration wall) {
        JsonNode result = null;
        if (Files.isRegularFile(resultFile)) {
            try {
                result = JSON.readTree(resultFile.toFile());
            } catch (IOException e) {
                result = null;
            }
        }
        DriverOutcome.Status status = timedOut ? DriverOutcome.Status.TIMEOUT : DriverOutcome.statusOfExitCode(exitCode);
        String errorLine = lastErrorLine;
        if (result != null && result.hasNonNull("error")) {
            JsonNode err = result.get("error");
            String type = err.path("type").asText("");
            String msg = err.path("message").asText("");
            errorLine = type.isEmpty() ? msg : type + ": " + msg;
        }
        return new DriverOutcome(status, exitCode, result, warmupSeen, samplesSeen, errorLine, wall);
    }
}
