package io.finkperf.transfer;

/** Fink's client {@code -partitionby} values. */
public enum PartitionBy {
    NONE, TIME, FINKCLASS, TNSCLASS, CLASSID;

    public static PartitionBy parse(String s) {
        if (s == null || s.isBlank()) {
            return NONE;
        }
        return switch (s) {
            case "time" -> TIME;
            case "finkclass" -> FINKCLASS;
            case "tnsclass" -> TNSCLASS;
            case "classId" -> CLASSID;
            default -> throw new IllegalArgumentException("--partition-by must be time, finkclass, tnsclass or classId, got '" + s + "'");
        };
    }

    /** The column whose value names the folder (null for NONE and TIME). */
    String column() {
        return switch (this) {
            case FINKCLASS -> "finkclass";
            case TNSCLASS -> "tnsclass";
            case CLASSID -> "classId";
            default -> null;
        };
    }
}
