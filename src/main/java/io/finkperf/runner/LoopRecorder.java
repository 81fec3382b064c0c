package io.finkperf.runner;

/**
 * The module's own output lines (its stdout and stderr, never parsed for events: those come on the
 * control channel), sanitised and forwarded to the listener; keeps the last non-blank one for
 * error messages.
 */
public final class LoopRecorder {

    private final String module;
    private final ProgressListener listener;
    private String lastModuleLine;

    public LoopRecorder(String module, ProgressListener listener) {
        this.module = module;
        this.listener = listener;
    }

    public synchronized void line(String raw) {
        String line = ModuleOutput.sanitize(raw);
        if (!line.isBlank()) {
            lastModuleLine = line;
        }
        listener.onLogLine(module, line);
    }

    public synchronized String lastModuleLine() {
        return lastModuleLine;
    }
}
