package io.finkperf.history;

/** A history store, a checkout or a calibration that cannot be used: one line naming the culprit. */
public final class HistoryException extends RuntimeException {

    public enum Kind { BAD_STORE, BAD_INPUT, GIT, CALIBRATION }

    private final Kind kind;

    public HistoryException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public HistoryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
