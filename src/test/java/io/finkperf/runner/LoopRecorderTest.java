package io.finkperf.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopRecorderTest {

    @Test
    void recorderKeepsLoopsAndForwardsModuleLines() {
        List<String> lines = new ArrayList<>();
        List<DriverEvent> events = new ArrayList<>();
        LoopRecorder rec = new LoopRecorder("m", new ProgressListener() {
            @Override
            public void onEvent(String module, DriverEvent event) {
                events.add(event);
            }

            @Override
            public void onLogLine(String module, String line) {
                lines.add(module + ": " + line);
            }
        });
        rec.line("@@fink-perf {\"event\": \"phase\", \"phase\": \"import\"}");
        rec.line("@@fink-perf {\"event\": \"loop\", \"kind\": \"warmup\", \"i\": 1, \"n\": 1, \"ns\": 7}");
        rec.line("hello from the module");
        rec.line("@@fink-perf {\"event\": \"loop\", \"kind\": \"measure\", \"i\": 1, \"n\": 2, \"ns\": 5}");

        assertEquals(List.of(7L), rec.warmup());
        assertEquals(List.of(5L), rec.samples());
        assertEquals(3, events.size());
        assertEquals(List.of("m: hello from the module"), lines);
        assertEquals("hello from the module", rec.lastModuleLine());
    }
}
