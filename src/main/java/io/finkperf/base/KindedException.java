package io.finkperf.base;

/**
 * A failure that says what kind it is: packages name the kind (an enum of their own), and only
 * {@code cli.ExceptionMapper} turns it into an exit code. The message is one line naming the culprit.
 * Subclasses narrow {@link #kind()} to their enum, so the mapper's switch on it stays exhaustive
 * (Java allows no generic subclass of {@code Throwable}).
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
