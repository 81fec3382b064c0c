package io.finkperf.history;

import io.finkperf.testing.GoldenFiles;
import java.io.IOException;

/** The history's golden files, {@code src/test/resources/history/NAME.golden} (see {@link GoldenFiles}). */
final class HistoryGolden {

    private static final GoldenFiles HISTORY = GoldenFiles.of("history");

    private HistoryGolden() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        HISTORY.assertMatches(name, actual);
    }
}
