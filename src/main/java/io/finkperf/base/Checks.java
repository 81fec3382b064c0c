package io.finkperf.base;

/** Checks of a request's numbers at its edge, each failing with one line that names the number. */
public final class Checks {

    private Checks() {
    }

    /** Fails with "WHAT must be >= MIN, got VALUE" unless {@code value >= min}. */
    public static void atLeast(String what, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be >= " + min + ", got " + value);
        }
    }
}
