package io.finkperf.base;

/**
 * A failure that says what kind it is, as an enum of its package's own: packages name the kind, and only
 * {@code cli.ExceptionMapper} turns it into an exit code, switching exhaustively on each enum. The message
 * is one line naming the culprit. (Not generic in the kind: Java allows no generic subclass of Throwable.)
 */
public abstract class KindedException extends RuntimeException {

    private final Enum<?> kind;

    protected KindedException(Enum<?> kind, String message) {
        super(message);
        this.kind = kind;
    }

    protected KindedException(Enum<?> kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Enum<?> kind() {
        return kind;
    }
}
