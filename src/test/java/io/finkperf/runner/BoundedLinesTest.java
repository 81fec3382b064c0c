package io.finkperf.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoundedLinesTest {

    @Test
    void longLinesAreCutAndCountedWithoutBeingBuffered() {
        List<String> lines = new ArrayList<>();
        // 64 MiB without a newline, produced on the fly: nothing of this size is ever held
        InputStream huge = new InputStream() {
            long left = 64L << 20;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : (left == -1 ? '\n' : -1);
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left < 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                if (n == 0) {
                    b[off] = '\n';
                    left = -1;
                    return 1;
                }
                return n;
            }
        };
        BoundedLines.drain(huge, 16, lines::add);

        assertEquals(List.of("x".repeat(16) + " … [" + ((64L << 20) - 16) + " more bytes cut]"), lines);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a<n>b<n>|[a][b]", "a<r><n>b|[a][b]", "<n><n>|[][]", "é<n>|[é]"})
    void splitsOnNewlinesAndDecodesUtf8(String input, String expected) {
        List<String> lines = new ArrayList<>();
        byte[] bytes = input.replace("<n>", "\n").replace("<r>", "\r").getBytes(StandardCharsets.UTF_8);
        BoundedLines.drain(new ByteArrayInputStream(bytes), 100, l -> lines.add("[" + l + "]"));
        assertEquals(expected, String.join("", lines));
    }
}
