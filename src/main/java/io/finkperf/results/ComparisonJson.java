package io.finkperf.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes compare.json; writes are atomic, so a crash never leaves half a file. */
public final class ComparisonJson {

    public static final String FILE = "compare.json";

    private ComparisonJson() {
    }

    public static void write(Comparison comparison, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
            ResultsJson.mapper().writeValue(tmp.toFile(), comparison);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static Comparison read(Path file) throws IOException {
        Comparison c = ResultsJson.mapper().readValue(file.toFile(), Comparison.class);
        if (c.schema() == null || !c.schema().startsWith("fink-perf/compare/")) {
            throw new IOException(file + " is not a fink-perf comparison (schema " + c.schema() + ")");
        }
        return c;
    }
}
