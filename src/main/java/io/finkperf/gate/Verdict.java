package io.finkperf.gate;

import io.finkperf.results.ModuleResult;

/**
 * What the gate decided, and why in one line.
 *
 * @param profileExit with {@link Outcome#PROFILE_FAILED}: the exit code the profile run ended with
 * @param failed      with {@link Outcome#MODULE_FAILED}: the first module that failed, in run order
 */
public record Verdict(Outcome outcome, String message, int profileExit, ModuleResult failed) {

    public enum Outcome {
        /** The job may pass. */
        PASS,
        /** Nothing to judge: profiling did not run, or left no results file. */
        NOT_RUN,
        /** The profile run exited with a failure code. */
        PROFILE_FAILED,
        /** A module of the results failed (judged from the file alone, without the run's exit code). */
        MODULE_FAILED,
        /** Modules that ran fine are slower than min-throughput allows. */
        TOO_SLOW
    }

    static Verdict pass(String message) {
        return new Verdict(Outcome.PASS, message, 0, null);
    }

    public boolean passed() {
        return outcome == Outcome.PASS;
    }
}
