package io.finkperf.runner;

/**
 * A warm module failed a request (or never got ready): the driver's error kind ({@code exception},
 * {@code import}, {@code missing_package}, {@code bad_output}…, or {@code timeout}, {@code crash}),
 * its one-line message, and the driver's exit code (-1 when killed).
 */
public final class WarmFailure extends Exception {

    private final String kind;
    private final int exitCode;

    public WarmFailure(String kind, String message, int exitCode) {
        super(message);
        this.kind = kind;
        this.exitCode = exitCode;
    }

    public String kind() {
        return kind;
    }

    public int exitCode() {
        return exitCode;
    }
}
