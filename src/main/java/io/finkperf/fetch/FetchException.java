package io.finkperf.fetch;

import io.finkperf.base.KindedException;

/** A fetch that cannot complete: one line naming the source, and what kind of failure it was. */
public final class FetchException extends KindedException {

    /** DOWNLOAD and CHECKSUM are transport problems; ARCHIVE means the bytes arrived but are unusable or unsafe. */
    public enum Kind { DOWNLOAD, CHECKSUM, ARCHIVE }

    public FetchException(Kind kind, String message) {
        super(kind, message);
    }

    public FetchException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }
}
