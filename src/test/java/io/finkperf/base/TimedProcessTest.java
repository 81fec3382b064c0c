package io.finkperf.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TimedProcessTest {

    @Test
    void givesTheExitCodeAndBothStreams() throws Exception {
        TimedProcess.Output o = TimedProcess.run(new ProcessBuilder("sh", "-c", "echo out; echo err >&2; exit 3"),
                Duration.ofSeconds(30)).orElseThrow();
        assertEquals(3, o.exit());
        assertEquals("out\n", o.stdoutText());
        assertEquals("err\n", o.stderr());
    }

    @Test
    void mergedStreamsAreInTheStandardOutput() throws Exception {
        TimedProcess.Output o = TimedProcess.run(new ProcessBuilder("sh", "-c", "echo out; echo err >&2")
                .redirectErrorStream(true), Duration.ofSeconds(30)).orElseThrow();
        assertEquals("out\nerr\n", o.stdoutText());
        assertEquals("", o.stderr());
    }

    /** Reading its output first would wait the whole 10 minutes: the timeout must be what ends it. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aChildThatHangsWithItsOutputOpenIsKilledAtTheTimeout() throws Exception {
        Optional<TimedProcess.Output> o = TimedProcess.run(new ProcessBuilder("sh", "-c", "echo started; exec sleep 600"),
                Duration.ofMillis(300));
        assertTrue(o.isEmpty(), "timed out, so no output: " + o);
    }
}
