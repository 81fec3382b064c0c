package io.finkperf.compare;

import io.finkperf.results.Comparison;
import io.finkperf.results.ComparisonModule;
import io.finkperf.results.ComparisonVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gate: {@code regression[:PCT]}, {@code output-changed}, or both (comma-separated), as given to
 * {@code --fail-on} and the Action's {@code fail-on}; {@code none} or empty gates nothing.
 *
 * @param regressionPct null: any module judged slower fails; else only those at least PCT % slower
 */
public record ComparisonFailOn(boolean regression, Double regressionPct, boolean outputChanged) {

    public static final ComparisonFailOn NONE = new ComparisonFailOn(false, null, false);

    public static ComparisonFailOn parse(String spec) {
        boolean regression = false;
        Double pct = null;
        boolean output = false;
        for (String raw : spec == null ? new String[0] : spec.split(",")) {
            String w = raw.strip().toLowerCase(Locale.ROOT);
            if (w.isEmpty() || w.equals("none")) {
                continue;
            }
            if (w.equals("output-changed")) {
                output = true;
            } else if (w.equals("regression")) {
                regression = true;
            } else if (w.startsWith("regression:")) {
                regression = true;
                String p = w.substring("regression:".length()).replace("%", "");
                try {
                    pct = Double.parseDouble(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--fail-on regression:PCT needs a number, got '" + raw.strip() + "'");
                }
                if (pct < 0) {
                    throw new IllegalArgumentException("--fail-on regression:PCT must be >= 0, got " + pct);
                }
            } else {
                throw new IllegalArgumentException("--fail-on takes regression[:PCT], output-changed or none, got '"
                        + raw.strip() + "'");
            }
        }
        return new ComparisonFailOn(regression, pct, output);
    }

    /** Modules this gate fails on for a regression. */
    public List<String> regressions(Comparison c) {
        List<String> out = new ArrayList<>();
        if (regression) {
            for (ComparisonModule m : c.modules()) {
                if (isRegression(m)) {
                    out.add(m.name());
                }
            }
        }
        return out;
    }

    public boolean isRegression(ComparisonModule m) {
        return regression && m.verdict() == ComparisonVerdict.SLOWER
                && (regressionPct == null || m.time().ratio() >= 1 + regressionPct / 100);
    }

    /** Modules this gate fails on for a changed output. */
    public List<String> outputChanges(Comparison c) {
        return outputChanged ? c.modules().stream().filter(ComparisonModule::outputChanged).map(ComparisonModule::name)
                .toList() : List.of();
    }

    @Override
    public String toString() {
        List<String> w = new ArrayList<>();
        if (regression) {
            w.add(regressionPct == null ? "regression" : "regression:" + regressionPct);
        }
        if (outputChanged) {
            w.add("output-changed");
        }
        return w.isEmpty() ? "none" : String.join(",", w);
    }
}
