package io.finkperf.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the driver's stderr into events and module lines, forwards both, and keeps the loop
 * samples seen, so a module killed mid-run still reports the loops it finished. Runners feed it
 * the driver's stderr, where its events go, with the module's own lines.
 */
public final class LoopRecorder {

    private final String module;
    private final ProgressListener listener;
    private final List<Long> warmup = new ArrayList<>();
    private final List<Long> samples = new ArrayList<>();
    private String lastModuleLine;

    public LoopRecorder(String module, ProgressListener listener) {
        this.module = module;
        this.listener = listener;
    }

    public synchronized void line(String line) {
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

    public synchronized List<Long> warmup() {
        return List.copyOf(warmup);
    }

    public synchronized List<Long> samples() {
        return List.copyOf(samples);
    }

    public synchronized String lastModuleLine() {
        return lastModuleLine;
    }
}
