package io.finkperf.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The Hive-style folder of an alert, as Fink's client computes it, and the schema of the files in it:
 * a partition column lives only in the folder name (as pyarrow's write_to_dataset does), so it is
 * dropped from the records. Folder values are escaped as Spark escapes partition paths, so Spark
 * (and so {@code profile --data}) reads the value back exactly; null is Hive's default partition.
 */
public final class PartitionPath {

    public static final String NULL_VALUE = "__HIVE_DEFAULT_PARTITION__";
    private static final double UNIX_EPOCH_JD = 2440587.5;
    private static final double MJD_TO_JD = 2400000.5;

    private final PartitionBy by;
    private final List<String> timePath; // e.g. [candidate, jd]; null unless partitioned by time
    private final boolean mjd;
    private final String column;
    private final Schema fileSchema;
    private final int[] keep; // positions of the source fields kept, in file-schema order

    private PartitionPath(PartitionBy by, List<String> timePath, boolean mjd, String column, Schema source, Set<String> dropped) {
        this.by = by;
        this.timePath = timePath;
        this.mjd = mjd;
        this.column = column;
        List<Schema.Field> fields = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (Schema.Field f : source.getFields()) {
            if (!dropped.contains(f.name())) {
                fields.add(new Schema.Field(f, f.schema()));
                kept.add(f.pos());
            }
        }
        this.keep = kept.stream().mapToInt(Integer::intValue).toArray();
        this.fileSchema = dropped.isEmpty() ? source
                : Schema.createRecord(source.getName(), source.getDoc(), source.getNamespace(), false, fields);
    }

    /**
     * How alerts of {@code schema} are laid out for {@code by}. As in Fink's client: time uses
     * ZTF's top-level {@code jd}, else {@code candidate.jd}, LSST's {@code midpointMjdTai}, else
     * {@code diaSource.midpointMjdTai}; with no time column nothing is partitioned. A missing class
     * column falls back to time when the alert has a top-level {@code jd}, else to none.
     */
    public static PartitionPath of(PartitionBy by, TransferSurvey survey, Schema schema) {
        if (by == PartitionBy.NONE) {
            return none(schema);
        }
        if (by != PartitionBy.TIME) {
            if (schema.getField(by.column()) != null) {
                return new PartitionPath(by, null, false, by.column(), schema, Set.of(by.column()));
            }
            return schema.getField("jd") != null ? of(PartitionBy.TIME, survey, schema) : none(schema);
        }
        List<List<String>> candidates = survey == TransferSurvey.ZTF
                ? List.of(List.of("jd"), List.of("candidate", "jd"))
                : List.of(List.of("midpointMjdTai"), List.of("diaSource", "midpointMjdTai"));
        for (List<String> path : candidates) {
            if (resolves(schema, path)) {
                Set<String> dropped = new java.util.HashSet<>();
                for (String c : List.of("year", "month", "day")) {
                    if (schema.getField(c) != null) {
                        dropped.add(c);
                    }
                }
                return new PartitionPath(PartitionBy.TIME, path, survey == TransferSurvey.LSST, null, schema, dropped);
            }
        }
        return none(schema);
    }

    private static PartitionPath none(Schema schema) {
        return new PartitionPath(PartitionBy.NONE, null, false, null, schema, Set.of());
    }

    /** What the layout actually is, after the fallbacks. */
    public PartitionBy effective() {
        return by;
    }

    public Schema fileSchema() {
        return fileSchema;
    }

    /** The folder, relative to the output folder, with '/' separators; "" when not partitioned. */
    public String folderOf(GenericRecord alert) {
        return switch (by) {
            case NONE -> "";
            case TIME -> timeFolder(number(alert));
            default -> column + "=" + escape(alert.get(column));
        };
    }

    /** The alert as its file stores it (without the partition columns). */
    public GenericRecord project(GenericRecord alert) {
        if (fileSchema == alert.getSchema()) {
            return alert;
        }
        GenericData.Record out = new GenericData.Record(fileSchema);
        for (int i = 0; i < keep.length; i++) {
            out.put(i, alert.get(keep[i]));
        }
        return out;
    }

    static String timeFolder(Double julianDate) {
        if (julianDate == null || julianDate.isNaN()) {
            return "year=" + NULL_VALUE + "/month=" + NULL_VALUE + "/day=" + NULL_VALUE;
        }
        LocalDate d = LocalDate.ofEpochDay((long) Math.floor(julianDate - UNIX_EPOCH_JD));
        return String.format("year=%04d/month=%02d/day=%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    private Double number(GenericRecord alert) {
        Object v = alert;
        for (String name : timePath) {
            if (!(v instanceof GenericRecord r)) {
                return null;
            }
            v = r.get(name);
        }
        if (!(v instanceof Number n)) {
            return null;
        }
        return mjd ? n.doubleValue() + MJD_TO_JD : n.doubleValue();
    }

    /** Spark's ExternalCatalogUtils.escapePathName: what Spark's partition discovery unescapes. */
    static String escape(Object value) {
        if (value == null) {
            return NULL_VALUE;
        }
        String s = value.toString();
        if (s.isEmpty()) {
            return NULL_VALUE;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || "\"#%'*/:=?\\{[]^".indexOf(c) >= 0) {
                b.append('%').append(String.format("%02X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean resolves(Schema schema, List<String> path) {
        Schema s = schema;
        for (String name : path) {
            s = nonNull(s);
            if (s.getType() != Schema.Type.RECORD || s.getField(name) == null) {
                return false;
            }
            s = s.getField(name).schema();
        }
        Schema.Type t = nonNull(s).getType();
        return t == Schema.Type.DOUBLE || t == Schema.Type.FLOAT || t == Schema.Type.LONG || t == Schema.Type.INT;
    }

    private static Schema nonNull(Schema s) {
        if (s.getType() != Schema.Type.UNION) {
            return s;
        }
        for (Schema b : s.getTypes()) {
            if (b.getType() != Schema.Type.NULL) {
                return b;
            }
        }
        return s;
    }
}
