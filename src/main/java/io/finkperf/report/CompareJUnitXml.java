package io.finkperf.report;

import io.finkperf.results.Comparison;
import io.finkperf.results.ComparisonModule;
import io.finkperf.results.ComparisonVerdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code compare-junit.xml}: one test case per module, for GitHub's test reporters. A module fails
 * when it is slower, changed its output, or failed on head; modules that cannot be judged (too noisy,
 * new, removed, failed on base, skipped) are reported as skipped.
 */
public final class CompareJUnitXml implements ComparisonWriter {

    public static final String FILE = "compare-junit.xml";

    @Override
    public void write(Comparison c, Path dir) throws IOException {
        FormatWriter.writeText(dir, FILE, render(c));
    }

    public static String render(Comparison c) {
        int failures = 0;
        int skipped = 0;
        StringBuilder cases = new StringBuilder();
        for (ComparisonModule m : c.modules()) {
            String failure = failure(m);
            boolean skip = failure == null && skipped(m.verdict());
            failures += failure != null ? 1 : 0;
            skipped += skip ? 1 : 0;
            cases.append("  <testcase classname=\"fink-perf.compare\" name=\"").append(HtmlText.escape(m.name()))
                    .append("\" time=\"").append(seconds(m)).append("\">");
            if (failure != null) {
                cases.append("\n    <failure message=\"").append(HtmlText.escape(failure)).append("\" type=\"")
                        .append(HtmlText.escape(m.verdict().label())).append("\">")
                        .append(HtmlText.escape(ComparisonText.describe(m))).append("</failure>\n  ");
            } else if (skip) {
                cases.append("\n    <skipped message=\"").append(HtmlText.escape(ComparisonText.describe(m)))
                        .append("\"/>\n  ");
            } else {
                cases.append("\n    <system-out>").append(HtmlText.escape(ComparisonText.describe(m)))
                        .append("</system-out>\n  ");
            }
            cases.append("</testcase>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"fink-perf compare\" tests=\""
                + c.modules().size() + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"" + skipped + "\">\n"
                + cases + "</testsuite>\n";
    }

    private static String failure(ComparisonModule m) {
        if (m.outputChanged()) {
            return "output changed" + (m.output().nDiffer() >= 0 ? " for " + m.output().nDiffer() + " of "
                    + m.output().nAlerts() + " alerts" : "");
        }
        return switch (m.verdict()) {
            case SLOWER -> String.format(Locale.ROOT, "slower: head/base %.3f", m.time().ratio());
            case FAILED_ON_HEAD, FAILED_ON_BOTH -> m.verdict().label() + ": " + m.error();
            default -> null;
        };
    }

    private static boolean skipped(ComparisonVerdict v) {
        return v == ComparisonVerdict.TOO_NOISY || v == ComparisonVerdict.NEW_MODULE || v == ComparisonVerdict.REMOVED_MODULE
                || v == ComparisonVerdict.FAILED_ON_BASE || v == ComparisonVerdict.SKIPPED;
    }

    private static String seconds(ComparisonModule m) {
        long ns = m.samples().headWallNs().stream().mapToLong(Long::longValue).sum();
        return String.format(Locale.ROOT, "%.3f", ns / 1e9);
    }
}
