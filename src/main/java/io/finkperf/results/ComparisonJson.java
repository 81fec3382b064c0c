package io.finkperf.results;

import java.io.IOException;
import java.nio.file.Path;

/** Reads and writes compare.json; writes are atomic, so a crash never leaves half a file. */
public final class ComparisonJson {

    public static final String FILE = "compare.json";

    private ComparisonJson() {
    }

    public static void write(Comparison comparison, Path file) {
        ResultsJson.writeAtomically(comparison, file);
    }

    public static Comparison read(Path file) throws IOException {
        Comparison c = ResultsJson.mapper().readValue(file.toFile(), Comparison.class);
        if (c.schema() == null || !c.schema().startsWith("fink-perf/compare/")) {
            throw new IOException(file + " is not a fink-perf comparison (schema " + c.schema() + ")");
        }
        return c;
    }
}
