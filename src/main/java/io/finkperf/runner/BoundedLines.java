package io.finkperf.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits a byte stream into lines of at most {@code maxBytes}: the rest of a longer line is
 * counted and dropped, so a module printing gigabytes without a newline costs no memory.
 */
public final class BoundedLines {

    public static final int MODULE_LINE_BYTES = 4096;

    private final int maxBytes;
    private final Consumer<String> sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private long dropped;

    public BoundedLines(int maxBytes, Consumer<String> sink) {
        this.maxBytes = maxBytes;
        this.sink = sink;
    }

    public void accept(byte[] bytes, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                flush();
            } else if (line.size() < maxBytes) {
                line.write(b);
            } else {
                dropped++;
            }
        }
    }

    /** Emits what is pending as a last line (end of stream). */
    public void finish() {
        if (line.size() > 0 || dropped > 0) {
            flush();
        }
    }

    private void flush() {
        String text = line.toString(StandardCharsets.UTF_8);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (dropped > 0) {
            text += " … [" + dropped + " more bytes cut]";
        }
        line.reset();
        dropped = 0;
        sink.accept(text);
    }

    /** Reads {@code in} to its end, line by line; an I/O error ends the stream quietly. */
    public static void drain(InputStream in, int maxBytes, Consumer<String> sink) {
        BoundedLines lines = new BoundedLines(maxBytes, sink);
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                lines.accept(buf, 0, n);
            }
        } catch (IOException ignored) {
            // the process went away: what was read is kept
        }
        lines.finish();
    }
}
