package io.finkperf.data;

import io.finkperf.base.KindedException;

/** Anything wrong with the alert data itself; the message is one line naming the file or column at fault. */
public final class DataException extends KindedException {

    public enum Kind { MISSING, EMPTY, CORRUPT, MISSING_COLUMN, UNSUPPORTED }

    public DataException(Kind kind, String message) {
        super(kind, message);
    }

    public DataException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }
}
