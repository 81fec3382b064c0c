package io.finkperf.data;

import io.finkperf.batch.BatchDtype;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * Every column a module may reference in one file, and the pruned schema to read it with.
 * Cutouts (binary), the raw history array itself and columns the file carries precomputed (Fink
 * Data Transfer's {@code cmagpsf}) are left out of the read: the {@code c*} columns are rebuilt
 * here the broker's way, so raw alerts and Data Transfer files give the same light curves.
 */
final class ColumnCatalog {

    private final Map<String, ColumnSource> columns = new LinkedHashMap<>();
    private final List<StructField> readFields = new ArrayList<>();
    private final List<Column> stableOrder = new ArrayList<>();

    private ColumnCatalog() {
    }

    static ColumnCatalog of(StructType footer, DetectedSchema schema) {
        ColumnCatalog c = new ColumnCatalog();
        CanonicalTypes canonical = CanonicalTypes.of(schema.survey);
        StructType current = (StructType) footer.apply(schema.current).dataType();
        StructType pastElement = schema.historyElement(footer);
        for (StructField f : footer.fields()) {
            String name = f.name();
            if (name.equals(schema.history) || name.startsWith("cutout")) {
                continue;
            }
            if (f.dataType() instanceof StructType s) {
                c.addStruct(name, s, canonical);
            } else if (BatchDtype.of(f.dataType()) != null) {
                c.addScalar(name, col(name), canonical.typeOf(name, f.dataType()));
                c.readFields.add(f);
            }
        }
        if (pastElement != null) {
            c.addHistory(schema, current, pastElement, canonical);
        } else {
            c.addCurrentOnlyHistory(schema, current, canonical);
        }
        c.addStableOrder(schema, footer);
        return c;
    }

    Map<String, ColumnSource> columns() {
        return Collections.unmodifiableMap(columns);
    }

    StructType readSchema() {
        return new StructType(readFields.toArray(new StructField[0]));
    }

    /** candid / diaSourceId, then the object id: a total order on real alert streams. */
    List<Column> stableOrder() {
        return stableOrder;
    }

    private void addStruct(String name, StructType s, CanonicalTypes canonical) {
        List<StructField> kept = new ArrayList<>();
        for (StructField leaf : s.fields()) {
            if (BatchDtype.of(leaf.dataType()) == null) {
                continue;
            }
            String path = name + "." + leaf.name();
            addScalar(path, col(name).getField(leaf.name()), canonical.typeOf(path, leaf.dataType()));
            kept.add(leaf);
        }
        if (!kept.isEmpty()) {
            readFields.add(new StructField(name, new StructType(kept.toArray(new StructField[0])), true,
                    Metadata.empty()));
        }
    }

    private void addScalar(String path, Column source, DataType type) {
        BatchDtype dtype = BatchDtype.of(type);
        columns.put(path, new ColumnSource(path, source.cast(dtype.sparkType()), false, dtype));
    }

    private void addHistory(DetectedSchema schema, StructType current, StructType past, CanonicalTypes canonical) {
        List<StructField> kept = new ArrayList<>();
        for (String field : HistoryColumns.fields(schema.survey)) {
            Option<Object> now = current.getFieldIndex(field);
            Option<Object> before = past.getFieldIndex(field);
            if (now.isEmpty() || before.isEmpty()) {
                continue;
            }
            kept.add(past.fields()[(Integer) before.get()]);
            DataType type = canonical.typeOf(schema.current + "." + field,
                    current.fields()[(Integer) now.get()].dataType());
            addList("c" + field, HistoryColumns.concatCol(schema.current, schema.history, field, type), type);
        }
        StructType element = new StructType(kept.toArray(new StructField[0]));
        readFields.add(new StructField(schema.history, new ArrayType(element, true), true,
                Metadata.empty()));
    }

    /** A file without any history column still gets one-point light curves, as the broker would build. */
    private void addCurrentOnlyHistory(DetectedSchema schema, StructType current, CanonicalTypes canonical) {
        for (String field : HistoryColumns.fields(schema.survey)) {
            Option<Object> now = current.getFieldIndex(field);
            if (now.isDefined()) {
                DataType type = canonical.typeOf(schema.current + "." + field,
                        current.fields()[(Integer) now.get()].dataType());
                addList("c" + field,
                        array(col(schema.current).getField(field).cast(type)), type);
            }
        }
    }

    private void addList(String name, Column expr, DataType type) {
        columns.put(name, new ColumnSource(name, expr, true, BatchDtype.of(type)));
    }

    private void addStableOrder(DetectedSchema schema, StructType footer) {
        boolean ztf = schema.survey == Survey.ZTF;
        String id = ztf ? "candid" : "diaSourceId";
        String object = ztf ? "objectId" : schema.current + ".diaObjectId";
        String first = footer.getFieldIndex(id).isDefined() ? id : schema.current + "." + id;
        for (String key : List.of(first, object)) {
            ColumnSource s = columns.get(key);
            if (s != null) {
                stableOrder.add(s.expr());
            }
        }
        if (stableOrder.isEmpty()) {
            throw new DataException(DataException.Kind.MISSING_COLUMN,
                    "column '" + first + "' not in file (needed for a stable alert order)");
        }
    }
}
