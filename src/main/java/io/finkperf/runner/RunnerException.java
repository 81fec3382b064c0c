package io.finkperf.runner;

/** The runner itself cannot work: one line naming the culprit. */
public final class RunnerException extends RuntimeException {

    public enum Kind { PYTHON_MISSING, PACKAGE_MISSING, ENGINE_UNAVAILABLE, IMAGE_MISSING, IO }

    private final Kind kind;

    public RunnerException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RunnerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
