package io.finkperf.cli;

/** A failure the user can act on: one line, one exit code. */
public final class FinkPerfException extends RuntimeException {

    private final ExitCode exitCode;

    public FinkPerfException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
