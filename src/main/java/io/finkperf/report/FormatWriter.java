package io.finkperf.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One output format of a {@code T} (a run's results, a comparison), written into a report folder. */
public interface FormatWriter<T> {

    /** Writes this format's files for {@code value} into {@code dir}; safe to call again as it grows. */
    void write(T value, Path dir) throws IOException;

    /** Writes {@code text} as {@code dir/file} in UTF-8, creating {@code dir}: the whole of a one-file text format. */
    static void writeText(Path dir, String file, String text) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }

    /** Writes every format into {@code dir}; a failure says {@code what} could not be written where. */
    static <T> void writeAll(List<? extends FormatWriter<T>> writers, T value, Path dir, String what) {
        for (FormatWriter<T> w : writers) {
            try {
                w.write(value, dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + what + " into " + dir, e);
            }
        }
    }
}
