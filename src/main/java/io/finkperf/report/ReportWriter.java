package io.finkperf.report;

import io.finkperf.results.RunResults;

/** One output format of a run (JSON, line-profile text, Markdown, PNG, HTML…), written into a report folder. */
public interface ReportWriter extends FormatWriter<RunResults> {
}
