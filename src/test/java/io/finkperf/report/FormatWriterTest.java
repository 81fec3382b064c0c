package io.finkperf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatWriterTest {

    @TempDir
    Path tmp;

    @Test
    void writeTextCreatesTheFolderAndWritesUtf8() throws IOException {
        Path dir = tmp.resolve("a/b");
        FormatWriter.writeText(dir, "summary.md", "± 3 µs");
        assertEquals("± 3 µs", new String(Files.readAllBytes(dir.resolve("summary.md")), StandardCharsets.UTF_8));
    }

    @Test
    void writeAllRunsEveryWriterInOrderAndNamesWhatFailed() {
        List<String> calls = new ArrayList<>();
        FormatWriter<String> first = (v, d) -> calls.add("first " + v);
        FormatWriter<String> broken = (v, d) -> {
            throw new IOException("disk full");
        };
        FormatWriter<String> never = (v, d) -> calls.add("never");

        var e = assertThrows(UncheckedIOException.class,
                () -> FormatWriter.writeAll(List.of(first, broken, never), "run", tmp, "comparison report"));

        assertEquals(List.of("first run"), calls);
        assertEquals("cannot write comparison report into " + tmp, e.getMessage());
        assertEquals("disk full", e.getCause().getMessage());
    }
}
