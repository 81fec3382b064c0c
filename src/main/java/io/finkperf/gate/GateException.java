package io.finkperf.gate;

/** The gate failed the run: one line, and the verdict the exit code is derived from. */
public final class GateException extends RuntimeException {

    private final Verdict verdict;

    public GateException(Verdict verdict) {
        super(verdict.message());
        this.verdict = verdict;
    }

    public Verdict verdict() {
        return verdict;
    }
}
