package io.finkperf.runner;

/** Receives what a running module says: driver events and the module's own log lines. */
public interface ProgressListener {

    void onEvent(String module, DriverEvent event);

    void onLogLine(String module, String line);

    ProgressListener SILENT = new ProgressListener() {
        @Override
        public void onEvent(String module, DriverEvent event) {
        }

        @Override
        public void onLogLine(String module, String line) {
        }
    };
}
