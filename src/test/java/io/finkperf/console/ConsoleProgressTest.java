package io.finkperf.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.runner.DriverEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    static final String ELAPSED = " \\(elapsed \\d+\\.\\d s\\)";

    /** Two modules as the engine reports them: stage, start, phase, warm-up and measured loops, output, end. */
    static void twoModules(ConsoleProgress p) {
        p.message("writing batch: 3 columns");
        for (int i = 1; i <= 2; i++) {
            String m = i == 1 ? "xmatch" : "lc_features";
            p.moduleStarted(i, 2, m, "start");
            p.onEvent(m, new DriverEvent("phase", "import", 0, 0, 0));
            p.onEvent(m, new DriverEvent("loop", "warmup", 1, 1, 2_000_000));
            p.onLogLine(m, "hello from " + m);
            p.onEvent(m, new DriverEvent("loop", "measure", 1, 2, 1_500_000_000L));
            p.onEvent(m, new DriverEvent("loop", "measure", 2, 2, 1_250_000_000L));
            p.moduleFinished(i, 2, m, "done, " + (i * 10) + ".0 alerts/s/core (mean of 2 loops)");
        }
        p.close();
    }

    @Nested
    class Plain {

        @Test
        void aLinePerStageModulePhaseAndLoopWithTheElapsedTime() {
            StringWriter text = new StringWriter();
            twoModules(new PlainProgress(new PrintWriter(text), true));
            List<String> lines = text.toString().lines().toList();
            List<String> expected = List.of(
                    "writing batch: 3 columns" + ELAPSED,
                    "\\[1/2] xmatch: start" + ELAPSED,
                    "\\[1/2] xmatch: import" + ELAPSED,
                    "\\[1/2] xmatch: warmup loop 1/1 0\\.0020 s" + ELAPSED,
                    "  xmatch \\| hello from xmatch",
                    "\\[1/2] xmatch: measure loop 1/2 1\\.5000 s" + ELAPSED,
                    "\\[1/2] xmatch: measure loop 2/2 1\\.2500 s" + ELAPSED,
                    "\\[1/2] xmatch: done, 10\\.0 alerts/s/core \\(mean of 2 loops\\)" + ELAPSED,
                    "\\[2/2] lc_features: start" + ELAPSED);
            for (int i = 0; i < expected.size(); i++) {
                assertTrue(Pattern.matches(expected.get(i), lines.get(i)), "line " + i + ": " + lines.get(i));
            }
            assertEquals(15, lines.size(), text.toString());
        }

        @Test
        void quietHidesTheModulesOwnOutputOnly() {
            StringWriter text = new StringWriter();
            twoModules(new PlainProgress(new PrintWriter(text), false));
            assertFalse(text.toString().contains("hello from"), text.toString());
            assertEquals(13, text.toString().lines().count());
        }
    }

    @Nested
    class Bar {

        @Test
        void measuredLoopsMoveTheBarWithinTheirModule() {
            BarProgress bar = new BarProgress(new LinesAboveBar(new PrintStream(new ByteArrayOutputStream()), 120), false);
            assertEquals(-1, bar.position());
            bar.moduleStarted(2, 4, "m", "start");
            assertEquals(100, bar.position());
            bar.onEvent("m", new DriverEvent("loop", "warmup", 1, 1, 5));
            assertEquals(100, bar.position(), "warm-up loops do not count");
            bar.onEvent("m", new DriverEvent("loop", "measure", 1, 4, 5));
            assertEquals(122, bar.position(), "a quarter of the 90 steps the loops fill");
            bar.onEvent("m", new DriverEvent("loop", "measure", 4, 4, 5));
            assertEquals(190, bar.position(), "the line profile and baseline still to come");
            bar.moduleFinished(2, 4, "m", "done");
            assertEquals(200, bar.position());
            bar.close();
        }

        @Test
        void drawsTheBarAndPrintsTheFinishedModulesAboveIt() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            twoModules(new BarProgress(new LinesAboveBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), 120), true));
            String out = bytes.toString(StandardCharsets.UTF_8);
            String last = out.substring(out.lastIndexOf('\r') + 1).strip();
            assertTrue(Pattern.matches("modules 100% \\[=+] 2/2 \\(\\d+:\\d\\d:\\d\\d / \\d+:\\d\\d:\\d\\d\\) .*", last), last);
            for (String line : List.of("writing batch: 3 columns", "[1/2] xmatch: done, 10.0 alerts/s/core (mean of 2 loops)",
                    "[2/2] lc_features: done, 20.0 alerts/s/core (mean of 2 loops)", "  lc_features | hello from lc_features")) {
                assertTrue(out.contains("\r" + line), line + " not printed above the bar in\n" + out);
            }
            assertFalse(out.contains("measure loop 1/2 1.5000 s"), "loops go to the bar, not to lines");
            assertTrue(out.endsWith(System.lineSeparator()), "the cursor is left on a fresh line");
        }
    }
}
