package io.finkperf.spark;

/** The Spark side cannot run at all: the master is unreachable, refused the application, or granted no executor. */
public final class SparkClusterException extends RuntimeException {

    public SparkClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
