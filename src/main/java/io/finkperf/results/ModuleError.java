package io.finkperf.results;

/** Why a module did not finish: a one-line message naming the culprit, and the driver's details. */
public record ModuleError(String kind, String type, String message, String traceback) {
}
