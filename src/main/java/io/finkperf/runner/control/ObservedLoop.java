package io.finkperf.runner.control;

/**
 * One measured loop as seen from both sides: the sum of the module-call times the driver reported,
 * and the sum of the intervals between each call's start and end events as the JVM received them.
 */
public record ObservedLoop(int calls, long reportedNs, long observedNs) {
}
