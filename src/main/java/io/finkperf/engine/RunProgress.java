package io.finkperf.engine;

import io.finkperf.runner.DriverEvent;
import io.finkperf.runner.ProgressListener;

/**
 * What a run tells whoever watches it: stages, each module's start and end, and (as a
 * {@link ProgressListener}) the driver's loop and phase events and the modules' own output.
 */
public interface RunProgress extends ProgressListener {

    /** A stage of the run, e.g. "writing batch …" or "spark mode on local[2]". */
    void message(String text);

    /** Module {@code index} of {@code total} starts; {@code what} says why (start, run to produce a column). */
    void moduleStarted(int index, int total, String module, String what);

    /** Module {@code index} of {@code total} ended; {@code summary} is its throughput or its failure. */
    void moduleFinished(int index, int total, String module, String summary);

    RunProgress SILENT = new RunProgress() {
        @Override
        public void message(String text) {
        }

        @Override
        public void moduleStarted(int index, int total, String module, String what) {
        }

        @Override
        public void moduleFinished(int index, int total, String module, String summary) {
        }

        @Override
        public void onEvent(String module, DriverEvent event) {
        }

        @Override
        public void onLogLine(String module, String line) {
        }
    };
}
