package io.finkperf.cli;

/** fink-perf's exit codes: one per kind of failure, so scripts and CI can tell them apart. */
public enum ExitCode {
    OK(0, "success"),
    INTERNAL(1, "internal error (a bug: please report it, with --verbose)"),
    USAGE(2, "bad command line"),
    DATA(3, "bad alert data: missing, empty, corrupt file, or a needed column missing"),
    REGISTRY(4, "bad registry file or unknown module name"),
    MODULE_ERROR(5, "a module raised an exception"),
    TIMEOUT(6, "a module exceeded its timeout"),
    PACKAGE_MISSING(7, "a Python package is missing"),
    PYTHON_MISSING(8, "no usable Python interpreter"),
    OUT_OF_MEMORY(9, "a module ran out of memory"),
    CONTAINER(10, "container engine unreachable or image missing"),
    DOWNLOAD(11, "download or checksum failure"),
    REGRESSION(12, "a module is slower than the threshold allows"),
    SPARK(13, "Spark master unreachable, refused the application, or granted no executor"),
    KAFKA_UNREACHABLE(14, "Kafka servers did not answer within --timeout"),
    UNKNOWN_TOPIC(15, "the Data Transfer topic does not exist"),
    NO_SCHEMA(16, "no schema message in <topic>_schema"),
    UNDECODABLE(17, "a message does not decode with the topic's Avro schema"),
    OUTPUT(18, "the output could not be written (disk full, permissions)"),
    MISSING_FILE(19, "a model or data file a module loads is missing from the science folder"),
    NO_RESULTS(20, "nothing to judge: profiling did not run or left no results file"),
    HISTORY(21, "history store unreadable, or a git checkout or range unusable"),
    OUTPUT_CHANGED(22, "output changed between base and head (compare --fail-on output-changed)"),
    UNTRUSTED(23, "results not trusted: they disagree with what fink-perf observed"),
    KILLED(24, "a module was killed by a signal, or exited before finishing its loops");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The code with this number, or {@link #INTERNAL} for a number that is none of ours (a killed process…). */
    public static ExitCode of(int code) {
        for (ExitCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return INTERNAL;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
