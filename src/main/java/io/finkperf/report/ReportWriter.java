package io.finkperf.report;

import io.finkperf.results.RunResults;
import java.io.IOException;
import java.nio.file.Path;

/** One output format (JSON, line-profile text, Markdown, PNG, HTML…), written into a report folder. */
public interface ReportWriter {

    /** Writes this format's files for the results into {@code dir}; safe to call again as results grow. */
    void write(RunResults results, Path dir) throws IOException;
}
