package io.finkperf.report;

import io.finkperf.results.Comparison;
import java.nio.file.Path;
import java.util.List;

/** Which comparison writers run when. */
public final class ComparisonReports {

    private ComparisonReports() {
    }

    /** Rewritten after every module, so a crash keeps what finished. */
    public static List<ComparisonWriter> incremental() {
        return List.of(new ComparisonJsonWriter());
    }

    /** Everything, once the comparison is over (and for results files compared offline). */
    public static List<ComparisonWriter> all() {
        return List.of(new ComparisonJsonWriter(), new CompareMarkdown(), new CompareChart(), new CompareJUnitXml(),
                new CompareHtml());
    }

    /** Writes every format into {@code dir}. */
    public static void write(List<ComparisonWriter> writers, Comparison comparison, Path dir) {
        FormatWriter.writeAll(writers, comparison, dir, "comparison report");
    }
}
