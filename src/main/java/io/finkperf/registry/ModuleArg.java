package io.finkperf.registry;

/** A column of the alert (plain, dotted struct field or {@code c}-history column) or a literal. */
public record ModuleArg(String column, Object literal, boolean isLiteral) {

    public static ModuleArg column(String name) {
        return new ModuleArg(name, null, false);
    }

    public static ModuleArg literal(Object value) {
        return new ModuleArg(null, value, true);
    }

    @Override
    public String toString() {
        return isLiteral ? "lit(" + literal + ")" : column;
    }
}
