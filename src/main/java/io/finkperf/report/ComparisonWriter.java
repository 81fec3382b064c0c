package io.finkperf.report;

import io.finkperf.results.Comparison;

/** One output format of a comparison (JSON, Markdown, PNG, JUnit XML…), written into a report folder. */
public interface ComparisonWriter extends FormatWriter<Comparison> {
}
