package io.finkperf.report;

import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunResults;
import java.nio.file.Path;

/** {@code results.json}, the source every other format can be rebuilt from. */
public final class ResultsJsonWriter implements ReportWriter {

    public static final String FILE = "results.json";

    @Override
    public void write(RunResults results, Path dir) {
        ResultsJson.write(results, dir.resolve(FILE));
    }
}
