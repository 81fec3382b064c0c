package io.finkperf.results;

/** Why a module did not finish: a one-line message naming the culprit, and the driver's details. */
public record ModuleError(String kind, String type, String message, String traceback) {

    /** The kind of a module whose figures disagree with what fink-perf observed (exit 23, fails the gate). */
    public static final String UNTRUSTED = "untrusted";
}
