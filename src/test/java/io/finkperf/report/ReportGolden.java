package io.finkperf.report;

import java.io.IOException;
import java.nio.file.Path;

/** The report's golden files, {@code src/test/resources/report/NAME.golden} (see {@link io.finkperf.testing.GoldenFiles}). */
final class ReportGolden {

    private static final io.finkperf.testing.GoldenFiles REPORT = io.finkperf.testing.GoldenFiles.of("report");
    static final Path DIR = REPORT.dir();

    private ReportGolden() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        REPORT.assertMatches(name, actual);
    }
}
