package io.finkperf.results;

import java.util.List;

/** line_profiler's view of one function: every line of its source, with hits and time. */
public record FunctionProfile(String file, String function, int firstLine, long totalNs, List<LineStat> lines) {

    public FunctionProfile {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
