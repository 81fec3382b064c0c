package io.finkperf.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.finkperf.results.FunctionProfile;
import io.finkperf.results.LineProfile;
import io.finkperf.results.LineStat;
import java.util.ArrayList;
import java.util.List;

/** The driver's {@code line_profile} object (ARCHITECTURE.md) as a typed {@link LineProfile}. */
public final class LineProfileJson {

    private LineProfileJson() {
    }

    /** The functions of {@code lp}, or {@link LineProfile#NONE} when it has none. */
    public static LineProfile parse(JsonNode lp) {
        if (lp == null || !lp.has("functions")) {
            return LineProfile.NONE;
        }
        List<FunctionProfile> functions = new ArrayList<>();
        for (JsonNode f : lp.get("functions")) {
            List<LineStat> lines = new ArrayList<>();
            for (JsonNode l : f.path("lines")) {
                lines.add(new LineStat(l.path("line").asInt(), l.path("hits").asLong(), l.path("time_ns").asLong(),
                        l.path("source").asText("")));
            }
            functions.add(new FunctionProfile(f.path("file").asText(""), f.path("name").asText(""),
                    f.path("first_line").asInt(), f.path("total_ns").asLong(), lines));
        }
        return new LineProfile(functions);
    }
}
