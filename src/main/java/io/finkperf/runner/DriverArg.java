package io.finkperf.runner;

import io.finkperf.registry.ModuleArg;

/** One argument of a module call: a column of the batch, or a literal (the broker's {@code F.lit}). */
public record DriverArg(String column, Object literal, boolean isLiteral) {

    public static DriverArg column(String name) {
        return new DriverArg(name, null, false);
    }

    public static DriverArg literal(Object value) {
        return new DriverArg(null, value, true);
    }

    /** A registry argument as the driver reads it: its literal, or the batch column it was written under. */
    public static DriverArg of(ModuleArg a) {
        return a.isLiteral() ? literal(a.literal()) : column(a.batchColumn());
    }
}
