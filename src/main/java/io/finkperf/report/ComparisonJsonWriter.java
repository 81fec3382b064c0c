package io.finkperf.report;

import io.finkperf.results.Comparison;
import io.finkperf.results.ComparisonJson;
import java.nio.file.Path;

/** {@code compare.json}: the typed comparison with every raw sample. */
public final class ComparisonJsonWriter implements ComparisonWriter {

    @Override
    public void write(Comparison comparison, Path dir) {
        ComparisonJson.write(comparison, dir.resolve(ComparisonJson.FILE));
    }
}
