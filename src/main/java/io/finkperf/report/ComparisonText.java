package io.finkperf.report;

import io.finkperf.results.ComparisonModule;
import java.util.Locale;

/** A module's comparison in one line, for the console and the JUnit report. */
public final class ComparisonText {

    private ComparisonText() {
    }

    public static String describe(ComparisonModule m) {
        StringBuilder s = new StringBuilder(m.verdict().label());
        if (m.time() != null) {
            s.append(String.format(Locale.ROOT, ": head/base %.3f [%.3f, %.3f], p %.2g", m.time().ratio(),
                    m.time().low(), m.time().high(), m.time().pValue()));
        }
        if (m.noiseFloor() != null) {
            s.append(String.format(Locale.ROOT, ", noise floor ±%.1f %%", 100 * m.noiseFloor()));
        }
        if (m.output() != null) {
            s.append("; output ").append(m.output().verdict());
            if (m.output().changed() && m.output().nDiffer() >= 0) {
                s.append(" for ").append(m.output().nDiffer()).append(" of ").append(m.output().nAlerts()).append(" alerts");
            }
        }
        if (m.error() != null) {
            s.append("; ").append(Units.oneLine(m.error(), 300));
        }
        return s.toString();
    }
}
