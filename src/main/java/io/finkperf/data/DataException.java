package io.finkperf.data;

/** Anything wrong with the alert data itself; the message is one line naming the file or column at fault. */
public final class DataException extends RuntimeException {

    public enum Kind { MISSING, EMPTY, CORRUPT, MISSING_COLUMN, UNSUPPORTED }

    private final Kind kind;

    public DataException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public DataException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
