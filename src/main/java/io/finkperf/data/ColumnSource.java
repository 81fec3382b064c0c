package io.finkperf.data;

import io.finkperf.batch.BatchColumn;
import io.finkperf.batch.BatchDtype;

import org.apache.spark.sql.Column;

/** One column a module can ask for: its name as modules spell it and the Spark expression producing it. */
record ColumnSource(String name, Column expr, boolean list, BatchDtype dtype) {

    String kind() {
        return list ? "list" : "scalar";
    }

    /** What the writer needs, without the Spark expression: serialisable, so a Spark task can write. */
    BatchColumn batchColumn() {
        return new BatchColumn(name, list, dtype);
    }
}
