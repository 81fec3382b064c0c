package io.finkperf.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoopRecorderTest {

    @Test
    void recorderKeepsLoopsAndForwardsModuleLines() {
        RecordingListener listener = new RecordingListener();
        LoopRecorder rec = new LoopRecorder("m", listener);
        rec.line("@@fink-perf {\"event\": \"phase\", \"phase\": \"import\"}");
        rec.line("@@fink-perf {\"event\": \"loop\", \"kind\": \"warmup\", \"i\": 1, \"n\": 1, \"ns\": 7}");
        rec.line("hello from the module");
        rec.line("@@fink-perf {\"event\": \"loop\", \"kind\": \"measure\", \"i\": 1, \"n\": 2, \"ns\": 5}");

        assertEquals(List.of(7L), rec.warmup());
        assertEquals(List.of(5L), rec.samples());
        assertEquals(3, listener.events.size());
        assertEquals(List.of("m: hello from the module"), listener.lines);
        assertEquals("hello from the module", rec.lastModuleLine());
    }
}
