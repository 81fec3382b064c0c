package io.finkperf.runner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every driver event and module line a runner reports, for assertions. */
public final class RecordingListener implements ProgressListener {

    public final List<DriverEvent> events = Collections.synchronizedList(new ArrayList<>());
    public final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onEvent(String module, DriverEvent event) {
        events.add(event);
    }

    @Override
    public void onLogLine(String module, String line) {
        lines.add(module + ": " + line);
    }
}
