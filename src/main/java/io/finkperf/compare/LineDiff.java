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

/**
 * Aligns two line profiles: functions by file and name, lines by a longest-common-subsequence diff
 * of their source text (line numbers move between commits; the text of an unchanged line does not).
 */
public final class LineDiff {

    private LineDiff() {
    }

    /** Every aligned line of every function, the lines that gained the most time first. */
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
        out.sort(Comparator.comparingLong(LineChange::gainedNs).reversed());
        return out;
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

    /**
     * Lines removed and added between the same two unchanged lines: paired in order as modified lines
     * (a one-line edit stays one line, base time against head time), the rest one-sided.
     */
    private static void flush(FunctionProfile f, List<LineStat> removed, List<LineStat> added, double baseTotal,
                              double headTotal, List<LineChange> out) {
        if (f == null || (removed.isEmpty() && added.isEmpty())) {
            return;
        }
        int k = Math.max(removed.size(), added.size());
        for (int x = 0; x < k; x++) {
            out.add(change(f, x < removed.size() ? removed.get(x) : null, x < added.size() ? added.get(x) : null,
                    baseTotal, headTotal));
        }
        removed.clear();
        added.clear();
    }

    private static LineChange change(FunctionProfile f, LineStat b, LineStat h, double baseTotal, double headTotal) {
        long bt = b == null ? 0 : b.timeNs();
        long ht = h == null ? 0 : h.timeNs();
        String baseSource = b != null && h != null && !same(b, h) ? b.source() : null;
        return new LineChange(f.file(), f.function(), (h != null ? h : b).source(), baseSource,
                b == null ? null : b.line(), h == null ? null : h.line(),
                b == null ? 0 : b.hits(), h == null ? 0 : h.hits(), bt, ht,
                baseTotal > 0 ? bt / baseTotal : 0, headTotal > 0 ? ht / headTotal : 0);
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
