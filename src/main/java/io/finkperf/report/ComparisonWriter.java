package io.finkperf.report;

import io.finkperf.results.Comparison;
import java.io.IOException;
import java.nio.file.Path;

/** One output format of a comparison (JSON, Markdown, PNG, JUnit XML…), written into a report folder. */
public interface ComparisonWriter {

    /** Writes this format's files into {@code dir}; safe to call again as the comparison grows. */
    void write(Comparison comparison, Path dir) throws IOException;
}
