package io.finkperf.compare;

import io.finkperf.batch.BatchColumnValues;
import io.finkperf.results.OutputComparison;
import io.finkperf.results.OutputComparison.OutputExample;
import io.finkperf.runner.WarmModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Both sides' outputs alert by alert: strings, ints and bools exactly; floats within a relative
 * tolerance, NaN equal to NaN (and to null, as Arrow hands a NaN to Spark as null).
 */
public final class OutputDiff {

    static final int EXAMPLES = 5;

    private OutputDiff() {
    }

    /**
     * @param ids the alerts' ids in batch order (objectId), or null when the batch has none
     */
    public static OutputComparison compare(WarmModule.Saved base, WarmModule.Saved head, List<Object> ids,
                                           double rtol, long nAlerts) {
        if (base.dir() == null || head.dir() == null) {
            boolean same = Objects.equals(base.outputHash(), head.outputHash());
            String why = base.saveError() != null ? base.saveError() : head.saveError();
            return new OutputComparison(same ? OutputComparison.SAME : OutputComparison.CHANGED, false, nAlerts,
                    -1, 0, 0, List.of(), base.outputHash(), head.outputHash(), base.outputDtype(), head.outputDtype(),
                    "output hashes compared, not values: " + why);
        }
        List<Object> b = BatchColumnValues.read(base.dir(), base.column()).orElseThrow();
        List<Object> h = BatchColumnValues.read(head.dir(), head.column()).orElseThrow();
        return compareValues(b, h, ids, rtol, base.outputHash(), head.outputHash(), base.outputDtype(),
                head.outputDtype());
    }

    static OutputComparison compareValues(List<Object> b, List<Object> h, List<Object> ids, double rtol,
                                          String baseHash, String headHash, String baseDtype, String headDtype) {
        if (b.size() != h.size()) {
            return new OutputComparison(OutputComparison.CHANGED, false, Math.max(b.size(), h.size()), -1, 0, 0,
                    List.of(), baseHash, headHash, baseDtype, headDtype,
                    "base has " + b.size() + " output rows, head " + h.size());
        }
        long differ = 0;
        double maxAbs = 0;
        double maxRel = 0;
        List<OutputExample> examples = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            Object x = nanAsNull(b.get(i));
            Object y = nanAsNull(h.get(i));
            if (equal(x, y, rtol)) {
                continue;
            }
            differ++;
            if (x instanceof Number nx && y instanceof Number ny) {
                double abs = Math.abs(nx.doubleValue() - ny.doubleValue());
                double scale = Math.max(Math.abs(nx.doubleValue()), Math.abs(ny.doubleValue()));
                maxAbs = Math.max(maxAbs, abs);
                maxRel = Math.max(maxRel, scale == 0 ? 0 : abs / scale);
            }
            if (examples.size() < EXAMPLES) {
                String id = ids == null || i >= ids.size() || ids.get(i) == null ? null : ids.get(i).toString();
                examples.add(new OutputExample(i, id, String.valueOf(b.get(i)), String.valueOf(h.get(i))));
            }
        }
        String note = differ == 0 && !Objects.equals(baseHash, headHash)
                ? "equal within rtol " + rtol + " (not bit for bit)" : null;
        return new OutputComparison(differ == 0 ? OutputComparison.SAME : OutputComparison.CHANGED, true, b.size(),
                differ, maxAbs, maxRel, examples, baseHash, headHash, baseDtype, headDtype, note);
    }

    private static Object nanAsNull(Object v) {
        if (v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN()) {
            return null;
        }
        return v;
    }

    static boolean equal(Object x, Object y, double rtol) {
        if (x == null || y == null) {
            return x == y;
        }
        if (x instanceof Boolean || y instanceof Boolean || !(x instanceof Number) || !(y instanceof Number)) {
            return x.equals(y);
        }
        if (isIntegral(x) && isIntegral(y)) {
            return ((Number) x).longValue() == ((Number) y).longValue();
        }
        double a = ((Number) x).doubleValue();
        double c = ((Number) y).doubleValue();
        if (a == c) {
            return true; // also equal infinities
        }
        return Math.abs(a - c) <= rtol * Math.max(Math.abs(a), Math.abs(c));
    }

    private static boolean isIntegral(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte;
    }
}
