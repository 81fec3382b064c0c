package io.finkperf.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The line profile of one module: the entry function and the functions its author marked {@code @profile}. */
public record LineProfile(List<FunctionProfile> functions) {

    public static final LineProfile NONE = new LineProfile(List.of());

    public LineProfile {
        functions = functions == null ? List.of() : List.copyOf(functions);
    }

    /** A line located in its function, for rankings across functions. */
    public record HotLine(FunctionProfile function, LineStat line, double percentOfTotal) {
    }

    /**
     * Lines ranked by time, as a percentage of the entry function's total (the first function),
     * which is the wall time of the whole profiled call; nested marked functions are counted
     * inside their caller's lines too, so percentages of different functions overlap.
     */
    public List<HotLine> hottestLines(int limit) {
        long total = functions.isEmpty() ? 0 : functions.get(0).totalNs();
        List<HotLine> all = new ArrayList<>();
        for (FunctionProfile f : functions) {
            for (LineStat l : f.lines()) {
                if (l.hits() > 0) {
                    all.add(new HotLine(f, l, total > 0 ? 100.0 * l.timeNs() / total : 0.0));
                }
            }
        }
        all.sort(Comparator.comparingLong((HotLine h) -> h.line().timeNs()).reversed());
        return all.subList(0, Math.min(limit, all.size()));
    }
}
