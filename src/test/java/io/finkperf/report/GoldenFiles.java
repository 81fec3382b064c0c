package io.finkperf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered text with {@code src/test/resources/report/NAME.golden}, exactly. Run with
 * {@code -Dgolden.update=true} to rewrite the golden files from the current output, then review
 * the diff.
 */
final class GoldenFiles {

    static final Path DIR = Path.of(System.getProperty("finkperf.projectDir", "."))
            .resolve("src/test/resources/report");

    private GoldenFiles() {
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
