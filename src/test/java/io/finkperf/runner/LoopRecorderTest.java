package io.finkperf.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoopRecorderTest {

    @Test
    void moduleLinesAreNeverEventsAndAreSanitised() {
        RecordingListener listener = new RecordingListener();
        LoopRecorder rec = new LoopRecorder("m", listener);
        List.of("@@fink-perf {\"event\": \"loop\", \"kind\": \"measure\", \"i\": 1, \"n\": 2, \"ns\": 5}",
                "hello\u001b[2J from the module", "::set-output name=x::y").forEach(rec::line);

        assertEquals(0, listener.events.size(), "a printed line that looks like an event is output, not an event");
        assertEquals(3, listener.lines.size());
        assertEquals("m: hello[2J from the module", listener.lines.get(1));
        assertTrue(!listener.lines.get(2).contains("::"), listener.lines.get(2));
        assertEquals(":\u200B:set-output name=x:\u200B:y", rec.lastModuleLine());
    }
}
