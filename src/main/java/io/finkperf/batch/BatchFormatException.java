package io.finkperf.batch;

/** A batch that cannot be written or read as {@code fink-perf-batch/1}; one line naming the file or column. */
public final class BatchFormatException extends RuntimeException {

    public BatchFormatException(String message) {
        super(message);
    }

    public BatchFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
