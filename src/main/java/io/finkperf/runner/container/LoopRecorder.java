package io.finkperf.runner.container;

import io.finkperf.runner.DriverEvent;
import io.finkperf.runner.ProgressListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the driver's output into events and module lines, forwards both, and keeps the loop
 * samples seen, so a module killed mid-run still reports the loops it finished.
 */
final class LoopRecorder implements OneShotContainer.LineSink {

    private final String module;
    private final ProgressListener listener;
    private final List<Long> warmup = new ArrayList<>();
    private final List<Long> samples = new ArrayList<>();
    private String lastModuleLine;

    LoopRecorder(String module, ProgressListener listener) {
        this.module = module;
        this.listener = listener;
    }

    @Override
    public synchronized void line(boolean stderr, String line) {
        var event = DriverEvent.parse(line);
        if (event.isPresent()) {
            DriverEvent e = event.get();
            if (e.isWarmupLoop()) {
                warmup.add(e.nanos());
            } else if (e.isMeasuredLoop()) {
                samples.add(e.nanos());
            }
            listener.onEvent(module, e);
        } else {
            if (!line.isBlank()) {
                lastModuleLine = line;
            }
            listener.onLogLine(module, line);
        }
    }

    synchronized List<Long> warmup() {
        return List.copyOf(warmup);
    }

    synchronized List<Long> samples() {
        return List.copyOf(samples);
    }

    synchronized String lastModuleLine() {
        return lastModuleLine;
    }
}
