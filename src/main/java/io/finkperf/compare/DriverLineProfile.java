package io.finkperf.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.finkperf.results.FunctionProfile;
import io.finkperf.results.LineProfile;
import io.finkperf.results.LineStat;
import io.finkperf.runner.LineProfileJson;
import java.util.ArrayList;
import java.util.List;

/** The driver's {@code line_profile} object (ARCHITECTURE.md) as a typed {@link LineProfile}. */
final class DriverLineProfile {

    private DriverLineProfile() {
    }

    /**
     * Passes of the same code combined: each line's (and each function's total) smallest time, hits of
     * the first pass (the same in every pass of deterministic code).
     */
    static LineProfile fastest(List<LineProfile> passes) {
        if (passes.isEmpty()) {
            return LineProfile.NONE;
        }
        LineProfile first = passes.get(0);
        List<FunctionProfile> functions = new ArrayList<>();
        for (int f = 0; f < first.functions().size(); f++) {
            FunctionProfile fp = first.functions().get(f);
            long total = fp.totalNs();
            List<LineStat> lines = new ArrayList<>(fp.lines());
            for (LineProfile other : passes.subList(1, passes.size())) {
                if (other.functions().size() <= f || other.functions().get(f).lines().size() != lines.size()) {
                    continue;
                }
                FunctionProfile o = other.functions().get(f);
                total = Math.min(total, o.totalNs());
                for (int i = 0; i < lines.size(); i++) {
                    LineStat l = lines.get(i);
                    lines.set(i, new LineStat(l.line(), l.hits(), Math.min(l.timeNs(), o.lines().get(i).timeNs()),
                            l.source()));
                }
            }
            functions.add(new FunctionProfile(fp.file(), fp.function(), fp.firstLine(), total, lines));
        }
        return new LineProfile(functions);
    }

    static LineProfile parse(JsonNode lp) {
        return lp == null || !"ok".equals(lp.path("status").asText()) ? LineProfile.NONE : LineProfileJson.parse(lp);
    }
}
