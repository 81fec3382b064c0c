package io.finkperf.data;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;

/** One column of the chunk being filled: values, list offsets and validity, reused chunk after chunk. */
final class ChunkColumn {

    final ColumnSource source;
    private final ValueBuffer values;
    private final ValueBuffer.Bool valid = new ValueBuffer.Bool();
    private final ValueBuffer.Int64 offsets = new ValueBuffer.Int64();
    private boolean anyNull;

    ChunkColumn(ColumnSource source) {
        this.source = source;
        this.values = ValueBuffer.of(source.dtype());
        clear();
    }

    void append(Row row, int index) {
        if (!source.list()) {
            add(row.isNullAt(index) ? null : row.get(index));
            return;
        }
        // A null list only arises outside the c* columns (concat_col never yields one); it is written
        // as an empty list, the batch format having no per-row validity.
        if (!row.isNullAt(index)) {
            List<Object> cell = row.getList(index);
            for (int i = 0, n = cell.size(); i < n; i++) {
                add(cell.get(i));
            }
        }
        offsets.put(values.size);
    }

    private void add(Object value) {
        if (value == null) {
            values.addNull();
            valid.put(false);
            anyNull = true;
        } else {
            values.add(value);
            valid.put(true);
        }
    }

    void write(NpyWriter npy, Path chunkDir) {
        String name = source.name();
        values.write(npy, chunkDir, name);
        if (source.list()) {
            offsets.writeAs(npy, ValueBuffer.file(chunkDir, name, "offsets"));
        }
        if (anyNull) {
            valid.writeAs(npy, ValueBuffer.file(chunkDir, name, "valid"));
        }
    }

    void clear() {
        values.clear();
        valid.clear();
        offsets.clear();
        offsets.put(0L);
        anyNull = false;
    }
}
