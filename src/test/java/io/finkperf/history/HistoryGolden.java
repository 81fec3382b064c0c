package io.finkperf.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with {@code src/test/resources/history/NAME.golden}, exactly; {@code -Dgolden.update=true}
 * rewrites the files from the current output (then review the diff).
 */
final class HistoryGolden {

    static final Path DIR = Path.of(System.getProperty("finkperf.projectDir", ".")).resolve("src/test/resources/history");

    private HistoryGolden() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path golden = DIR.resolve(name + ".golden");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.isRegularFile(golden), golden + " is missing: run the test with -Dgolden.update=true");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
                name + " differs from " + golden + " (if the change is intended: -Dgolden.update=true)");
    }
}
