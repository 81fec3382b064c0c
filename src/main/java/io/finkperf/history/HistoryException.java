package io.finkperf.history;

import io.finkperf.base.KindedException;

/** A history store, a checkout or a calibration that cannot be used: one line naming the culprit. */
public final class HistoryException extends KindedException {

    public enum Kind { BAD_STORE, BAD_INPUT, GIT, CALIBRATION }

    public HistoryException(Kind kind, String message) {
        super(kind, message);
    }

    public HistoryException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }
}
