package io.finkperf.registry;

/**
 * One argument of the broker's call: a column of the alert (plain, dotted struct field or
 * {@code c}-history column), a literal ({@code F.lit}), an item of a map or struct column
 * ({@code F.col(c).getItem(key)}), or the smallest element of an array column ({@code F.array_min}).
 */
public record ModuleArg(Kind kind, String column, Object literal, String key) {

    public enum Kind { COLUMN, LITERAL, ITEM, ARRAY_MIN }

    public static ModuleArg column(String name) {
        return new ModuleArg(Kind.COLUMN, name, null, null);
    }

    public static ModuleArg literal(Object value) {
        return new ModuleArg(Kind.LITERAL, null, value, null);
    }

    public static ModuleArg item(String column, String key) {
        return new ModuleArg(Kind.ITEM, column, null, key);
    }

    public static ModuleArg arrayMin(String column) {
        return new ModuleArg(Kind.ARRAY_MIN, column, null, null);
    }

    public boolean isLiteral() {
        return kind == Kind.LITERAL;
    }

    /** The batch column the driver passes: the column itself, or the expression's text for items and array_min. */
    public String batchColumn() {
        return switch (kind) {
            case COLUMN -> column;
            case ITEM -> column + "[" + key + "]";
            case ARRAY_MIN -> "array_min(" + column + ")";
            case LITERAL -> null;
        };
    }

    @Override
    public String toString() {
        return isLiteral() ? "lit(" + literal + ")" : batchColumn();
    }
}
