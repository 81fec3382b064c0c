package io.finkperf.compare;

import io.finkperf.results.FunctionProfile;
import io.finkperf.results.LineChange;
import io.finkperf.results.LineProfile;
import io.finkperf.results.LineStat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Aligns two line profiles: functions by file and name, lines by a longest-common-subsequence diff
 * of their source text (line numbers move between commits; the text of an unchanged line does not).
 */
public final class LineDiff {

    private LineDiff() {
    }

    /**
     * Every aligned line of every function, the lines that gained the most time first; lines that call
     * another profiled function come after the others (line_profiler counts the callee's time in the
     * caller's line, so a change inside the callee would otherwise top the list twice, at the call).
     */
    public static List<LineChange> diff(LineProfile base, LineProfile head) {
        double baseTotal = total(base);
        double headTotal = total(head);
        Map<String, FunctionProfile> headByKey = new LinkedHashMap<>();
        head.functions().forEach(f -> headByKey.put(key(f), f));
        List<LineChange> out = new ArrayList<>();
        for (FunctionProfile b : base.functions()) {
            FunctionProfile h = headByKey.remove(key(b));
            align(b, h, baseTotal, headTotal, out);
        }
        for (FunctionProfile h : headByKey.values()) {
            align(null, h, baseTotal, headTotal, out);
        }
        Set<String> names = new HashSet<>();
        Stream.concat(base.functions().stream(), head.functions().stream())
                .forEach(f -> names.add(f.function().substring(f.function().lastIndexOf('.') + 1)));
        List<LineChange> marked = new ArrayList<>();
        for (LineChange l : out) {
            String own = l.function().substring(l.function().lastIndexOf('.') + 1);
            boolean nested = names.stream().anyMatch(n -> !n.equals(own) && callsFunction(l.source(), n));
            marked.add(nested == l.nested() ? l : new LineChange(l.file(), l.function(), l.source(), l.baseSource(),
                    l.baseLine(), l.headLine(), l.baseHits(), l.headHits(), l.baseTimeNs(), l.headTimeNs(), l.baseShare(),
                    l.headShare(), nested));
        }
        marked.sort(Comparator.comparing(LineChange::nested).thenComparing(
                Comparator.comparingLong(LineChange::gainedNs).reversed()));
        return marked;
    }

    static boolean callsFunction(String source, String name) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "\\s*\\(").matcher(source).find();
    }

    private static void align(FunctionProfile b, FunctionProfile h, double baseTotal, double headTotal,
                              List<LineChange> out) {
        List<LineStat> bl = b == null ? List.of() : b.lines();
        List<LineStat> hl = h == null ? List.of() : h.lines();
        FunctionProfile f = b != null ? b : h;
        int n = bl.size();
        int m = hl.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = same(bl.get(i), hl.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        List<LineStat> removed = new ArrayList<>();
        List<LineStat> added = new ArrayList<>();
        while (i < n || j < m) {
            if (i < n && j < m && same(bl.get(i), hl.get(j))) {
                flush(f, removed, added, baseTotal, headTotal, out);
                out.add(change(f, bl.get(i), hl.get(j), baseTotal, headTotal));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                added.add(hl.get(j++));
            } else {
                removed.add(bl.get(i++));
            }
        }
        flush(f, removed, added, baseTotal, headTotal, out);
    }

    /** Lines at least this similar (2 × common characters / total) are one line edited in place. */
    static final double EDITED = 0.6;

    /**
     * Lines removed and added between the same two unchanged lines: each removed line is paired, in
     * order, with the most similar added line after the last one paired, as one line edited in place
     * (a one-line edit stays one row, base time against head time); the rest stay one-sided.
     */
    private static void flush(FunctionProfile f, List<LineStat> removed, List<LineStat> added, double baseTotal,
                              double headTotal, List<LineChange> out) {
        if (f == null || (removed.isEmpty() && added.isEmpty())) {
            return;
        }
        boolean[] used = new boolean[added.size()];
        int from = 0;
        for (LineStat b : removed) {
            int best = -1;
            double bestScore = EDITED;
            for (int x = from; x < added.size(); x++) {
                double s = similarity(b.source().strip(), added.get(x).source().strip());
                if (s >= bestScore) {
                    best = x;
                    bestScore = s;
                }
            }
            if (best < 0) {
                out.add(change(f, b, null, baseTotal, headTotal));
            } else {
                used[best] = true;
                from = best + 1;
                out.add(change(f, b, added.get(best), baseTotal, headTotal));
            }
        }
        for (int x = 0; x < added.size(); x++) {
            if (!used[x]) {
                out.add(change(f, null, added.get(x), baseTotal, headTotal));
            }
        }
        removed.clear();
        added.clear();
    }

    /** 2 × (longest common subsequence of characters) / (total length): 1 for equal texts. */
    static double similarity(String a, String b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int[] prev = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = a.charAt(i - 1) == b.charAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            prev = cur;
        }
        return 2.0 * prev[b.length()] / (a.length() + b.length());
    }

    private static LineChange change(FunctionProfile f, LineStat b, LineStat h, double baseTotal, double headTotal) {
        long bt = b == null ? 0 : b.timeNs();
        long ht = h == null ? 0 : h.timeNs();
        String baseSource = b != null && h != null && !same(b, h) ? b.source() : null;
        return new LineChange(f.file(), f.function(), (h != null ? h : b).source(), baseSource,
                b == null ? null : b.line(), h == null ? null : h.line(),
                b == null ? 0 : b.hits(), h == null ? 0 : h.hits(), bt, ht,
                baseTotal > 0 ? bt / baseTotal : 0, headTotal > 0 ? ht / headTotal : 0, false);
    }

    private static boolean same(LineStat a, LineStat b) {
        return a.source().strip().equals(b.source().strip());
    }

    private static String key(FunctionProfile f) {
        return f.file() + "::" + f.function();
    }

    /** The module's profiled time: the entry function's total (it contains the marked functions). */
    private static double total(LineProfile p) {
        return p.functions().isEmpty() ? 0 : p.functions().get(0).totalNs();
    }
}
