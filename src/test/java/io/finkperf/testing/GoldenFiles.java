package io.finkperf.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered text with {@code src/test/resources/AREA/NAME.golden}, exactly. Run with
 * {@code -Dgolden.update=true} to rewrite the golden files from the current output, then review
 * the diff.
 */
public final class GoldenFiles {

    private final Path dir;

    private GoldenFiles(Path dir) {
        this.dir = dir;
    }

    /** The golden files of one area ("report", "results"…). */
    public static GoldenFiles of(String area) {
        return new GoldenFiles(Path.of(System.getProperty("finkperf.projectDir", ".")).resolve("src/test/resources").resolve(area));
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name + ".golden");
    }

    public void assertMatches(String name, String actual) throws IOException {
        Path golden = file(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(dir);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.isRegularFile(golden), golden + " is missing: run the test with -Dgolden.update=true");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
                name + " differs from " + golden + " (if the change is intended: -Dgolden.update=true)");
    }
}
