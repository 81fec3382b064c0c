package io.finkperf.gate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a run fails a job, in the Action's {@code fail-on} words: {@code error} (any module failed, or
 * profiling itself), {@code never}, or {@code min-throughput:N} (as error, and also when a module that
 * ran fine averages below N alerts/s/core).
 *
 * @param limitText N as written (for messages); null unless min-throughput
 */
public record FailOn(Kind kind, double limit, String limitText) {

    public enum Kind { ERROR, NEVER, MIN_THROUGHPUT }

    private static final Pattern MIN = Pattern.compile("min-throughput:([0-9]+(\\.[0-9]+)?)");

    /** Parses {@code error}, {@code never} or {@code min-throughput:N}; anything else is an IllegalArgumentException naming it. */
    public static FailOn parse(String text) {
        if ("error".equals(text)) {
            return new FailOn(Kind.ERROR, 0, null);
        }
        if ("never".equals(text)) {
            return new FailOn(Kind.NEVER, 0, null);
        }
        Matcher m = text == null ? null : MIN.matcher(text);
        if (m != null && m.matches()) {
            return new FailOn(Kind.MIN_THROUGHPUT, Double.parseDouble(m.group(1)), m.group(1));
        }
        throw new IllegalArgumentException("--fail-on '" + text + "' is not error, never or min-throughput:N");
    }
}
