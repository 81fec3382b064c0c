package io.finkperf.runner;

import io.finkperf.base.KindedException;

/** The runner itself cannot work: one line naming the culprit. */
public final class RunnerException extends KindedException {

    public enum Kind { PYTHON_MISSING, PACKAGE_MISSING, ENGINE_UNAVAILABLE, IMAGE_MISSING, IO }

    public RunnerException(Kind kind, String message) {
        super(kind, message);
    }

    public RunnerException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }
}
