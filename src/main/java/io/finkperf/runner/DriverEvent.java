package io.finkperf.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * A progress event the driver writes to stderr as {@code @@fink-perf {json}}.
 *
 * @param kind for loop events "warmup" or "measure"; for phase events the phase name
 */
public record DriverEvent(String event, String kind, int index, int total, long nanos) {

    static final String PREFIX = "@@fink-perf ";
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean isMeasuredLoop() {
        return "loop".equals(event) && "measure".equals(kind);
    }

    public boolean isWarmupLoop() {
        return "loop".equals(event) && "warmup".equals(kind);
    }

    /** Parses one stderr line; empty when the line is the module's own output. */
    public static Optional<DriverEvent> parse(String line) {
        if (line == null || !line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(line.substring(PREFIX.length()));
            String event = n.path("event").asText("");
            String kind = "phase".equals(event) ? n.path("phase").asText("") : n.path("kind").asText("");
            return Optional.of(new DriverEvent(event, kind, n.path("i").asInt(0), n.path("n").asInt(0),
                    n.path("ns").asLong(0)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
