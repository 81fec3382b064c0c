package io.finkperf.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes results.json; writes are atomic so a crash never leaves half a file. */
public final class ResultsJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(NonFiniteAsNull.module());

    private ResultsJson() {
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    public static void write(RunResults results, Path file) {
        writeAtomically(results, file);
    }

    /** Writes {@code value} as JSON to {@code file} through a temporary file, so readers never see half of it. */
    static void writeAtomically(Object value, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // not createTempFile: its 0600 would make the published results.json unreadable to others
            Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), value);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static RunResults read(Path file) throws IOException {
        RunResults r = JSON.readValue(file.toFile(), RunResults.class);
        if (r.schema() == null || !r.schema().startsWith("fink-perf/results/")) {
            throw new IOException(file + " is not a fink-perf results file (schema " + r.schema() + ")");
        }
        return r;
    }
}
