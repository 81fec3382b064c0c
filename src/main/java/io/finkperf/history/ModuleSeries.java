package io.finkperf.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One module's history as a series of commits, oldest first (by commit date, then by when it was
 * run). Runs of the same commit make one point: the median of their values, with the loops'
 * spread across all of them.
 */
public record ModuleSeries(String module, String type, Measure measure, List<Point> points, List<ChangePoint> steps,
                           List<HistoryRecord> unmeasured) {

    /**
     * @param fingerprintChanged the machine differs from the previous point's (marked on charts)
     */
    public record Point(CommitInfo commit, List<HistoryRecord> runs, double value, double low, double high,
                        boolean fingerprintChanged) {

        public HistoryRecord latest() {
            return runs.get(runs.size() - 1);
        }
    }

    /** A step with the commits it happened between: after {@code lastBefore}, at or before {@code firstAfter}. */
    public record ChangePoint(StepDetector.Step step, CommitInfo lastBefore, CommitInfo firstAfter) {

        /** The git range holding the change: {@code lastBefore..firstAfter}. */
        public String range() {
            return lastBefore.shortSha() + ".." + firstAfter.shortSha();
        }
    }

    public static final Comparator<HistoryRecord> ORDER = Comparator
            .comparing((HistoryRecord r) -> Objects.toString(r.commit() == null ? null : r.commit().date(), ""))
            .thenComparing(r -> Objects.toString(r.recordedAt(), ""))
            .thenComparing(r -> Objects.toString(r.runId(), ""));

    public static List<String> modules(List<HistoryRecord> records) {
        return new ArrayList<>(new TreeSet<>(records.stream().map(HistoryRecord::module).toList()));
    }

    public static ModuleSeries of(List<HistoryRecord> all, String module, Measure measure) {
        List<HistoryRecord> mine = all.stream().filter(r -> module.equals(r.module())).sorted(ORDER).toList();
        Map<String, List<HistoryRecord>> byCommit = new LinkedHashMap<>();
        List<HistoryRecord> unmeasured = new ArrayList<>();
        for (HistoryRecord r : mine) {
            if (r.measured() && Double.isFinite(r.value(measure))) {
                byCommit.computeIfAbsent(r.commit() == null ? "?" : r.commit().sha(), k -> new ArrayList<>()).add(r);
            } else {
                unmeasured.add(r);
            }
        }
        List<Point> points = new ArrayList<>();
        String previousFingerprint = null;
        for (List<HistoryRecord> runs : byCommit.values()) {
            double[] values = runs.stream().mapToDouble(r -> r.value(measure)).sorted().toArray();
            int n = values.length;
            double value = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
            double low = runs.stream().mapToDouble(r -> r.spread(measure)[0]).min().orElse(value);
            double high = runs.stream().mapToDouble(r -> r.spread(measure)[1]).max().orElse(value);
            String fp = runs.get(0).fingerprint() == null ? null : runs.get(0).fingerprint().id();
            boolean changed = previousFingerprint != null && !Objects.equals(previousFingerprint, fp);
            previousFingerprint = runs.get(runs.size() - 1).fingerprint() == null ? null
                    : runs.get(runs.size() - 1).fingerprint().id();
            points.add(new Point(runs.get(0).commit(), List.copyOf(runs), value, low, high, changed));
        }
        double[] series = points.stream().mapToDouble(Point::value).toArray();
        List<ChangePoint> steps = StepDetector.detect(series).stream()
                .map(s -> new ChangePoint(s, points.get(s.index() - 1).commit(), points.get(s.index()).commit())).toList();
        String type = mine.isEmpty() ? null : mine.get(mine.size() - 1).type();
        return new ModuleSeries(module, type, measure, List.copyOf(points), steps, List.copyOf(unmeasured));
    }

    public Point latest() {
        return points.isEmpty() ? null : points.get(points.size() - 1);
    }
}
