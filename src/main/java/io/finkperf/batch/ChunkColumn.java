package io.finkperf.batch;

import java.nio.file.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.catalyst.util.ArrayData;

/** One column of the chunk being filled: values, list offsets and validity, reused chunk after chunk. */
final class ChunkColumn {

    final BatchColumn source;
    private final ValueBuffer values;
    private final ValueBuffer.Bool valid = new ValueBuffer.Bool();
    private final ValueBuffer.Int64 offsets = new ValueBuffer.Int64();
    private final ValueBuffer.Bool rowValid = new ValueBuffer.Bool();
    private boolean anyNull;
    private boolean anyNullList;

    ChunkColumn(BatchColumn source) {
        this.source = source;
        this.values = ValueBuffer.of(source.dtype());
        clear();
    }

    /** Reads Spark's internal rows directly: no conversion to boxed Java objects or Scala collections. */
    void append(InternalRow row, int index) {
        if (!source.list()) {
            add(row, index);
            return;
        }
        // concat_col never yields a null list, but columns produced by modules can.
        boolean isNull = row.isNullAt(index);
        if (!isNull) {
            ArrayData cell = row.getArray(index);
            for (int i = 0, n = cell.numElements(); i < n; i++) {
                add(cell, i);
            }
        }
        offsets.put(values.size);
        rowValid.put(!isNull);
        anyNullList |= isNull;
    }

    private void add(SpecializedGetters from, int ordinal) {
        if (from.isNullAt(ordinal)) {
            values.addNull();
            valid.put(false);
            anyNull = true;
        } else {
            values.addFrom(from, ordinal);
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
        if (anyNullList) {
            rowValid.writeAs(npy, ValueBuffer.file(chunkDir, name, "rowvalid"));
        }
    }

    void clear() {
        values.clear();
        valid.clear();
        offsets.clear();
        offsets.put(0L);
        rowValid.clear();
        anyNull = false;
        anyNullList = false;
    }
}
