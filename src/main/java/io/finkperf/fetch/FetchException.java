package io.finkperf.fetch;

/** A fetch that cannot complete: one line naming the source, and what kind of failure it was. */
public final class FetchException extends RuntimeException {

    /** DOWNLOAD and CHECKSUM are transport problems; ARCHIVE means the bytes arrived but are unusable or unsafe. */
    public enum Kind { DOWNLOAD, CHECKSUM, ARCHIVE }

    private final Kind kind;

    public FetchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public FetchException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
