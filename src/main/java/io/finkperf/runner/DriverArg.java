package io.finkperf.runner;

/** One argument of a module call: a column of the batch, or a literal (the broker's {@code F.lit}). */
public record DriverArg(String column, Object literal, boolean isLiteral) {

    public static DriverArg column(String name) {
        return new DriverArg(name, null, false);
    }

    public static DriverArg literal(Object value) {
        return new DriverArg(null, value, true);
    }
}
