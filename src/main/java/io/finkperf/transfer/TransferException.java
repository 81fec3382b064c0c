package io.finkperf.transfer;

import io.finkperf.base.KindedException;

/** A transfer that cannot go on: one line naming the topic, partition or file at fault, and its kind. */
public final class TransferException extends KindedException {

    public enum Kind {
        /** No --servers/--group-id and no usable credentials file. */
        CREDENTIALS,
        /** The bootstrap servers did not answer within the timeout. */
        UNREACHABLE,
        /** The data topic does not exist (or has expired: Fink keeps topics 7 days). */
        UNKNOWN_TOPIC,
        /** {@code <topic>_schema} is missing, empty, or its key is not an Avro schema. */
        NO_SCHEMA,
        /** A message does not decode with the topic's schema. */
        DECODE,
        /** The output could not be written (disk full, permissions). */
        OUTPUT
    }

    public TransferException(Kind kind, String message) {
        super(kind, message);
    }

    public TransferException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }
}
