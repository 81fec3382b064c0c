package io.finkperf.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of a {@code fink-perf-batch/1} folder as Spark rows, in batch order: the Spark side starts
 * from exactly the alerts (sampling, history columns, produced columns) that direct mode read.
 * Columns are named {@code c0..cN} in the schema (batch names hold dots); {@link #columns} keeps the names.
 */
public record BatchRows(List<BatchColumn> columns, List<Row> rows, String survey, String source) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public BatchRows {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public StructType schema() {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            fields.add(DataTypes.createStructField("c" + i, columns.get(i).sparkType(), true));
        }
        return DataTypes.createStructType(fields);
    }

    public static BatchRows read(Path batchDir) {
        JsonNode m;
        try {
            m = JSON.readTree(Files.readString(batchDir.resolve("manifest.json"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest of batch " + batchDir, e);
        }
        List<BatchColumn> cols = new ArrayList<>();
        for (JsonNode c : m.path("columns")) {
            cols.add(BatchColumn.fromManifest(c.path("name").asText(), c.path("kind").asText(), c.path("dtype").asText()));
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode chunk : m.path("chunks")) {
            Path dir = batchDir.resolve(chunk.path("dir").asText());
            int n = chunk.path("n_rows").asInt();
            Object[][] cells = new Object[n][cols.size()];
            for (int j = 0; j < cols.size(); j++) {
                Object[] column = readColumn(dir, cols.get(j), n);
                for (int r = 0; r < n; r++) {
                    cells[r][j] = column[r];
                }
            }
            for (Object[] row : cells) {
                rows.add(RowFactory.create(row));
            }
        }
        return new BatchRows(cols, rows, m.path("survey").asText("ztf"), m.path("source").asText(""));
    }

    /** One chunk of one column: a value (or null) per row, a Scala {@code Seq} per row for list columns. */
    static Object[] readColumn(Path dir, BatchColumn col, int nRows) {
        Object[] values = values(dir, col);
        if (!col.list()) {
            if (values.length != nRows) {
                throw new IllegalArgumentException(dir + "/" + col.name() + ": " + values.length + " values for " + nRows + " rows");
            }
            return values;
        }
        NpyReader.Array offsets = NpyReader.read(file(dir, col, "offsets"));
        Path rowValidFile = file(dir, col, "rowvalid");
        NpyReader.Array rowValid = Files.exists(rowValidFile) ? NpyReader.read(rowValidFile) : null;
        Object[] out = new Object[nRows];
        for (int r = 0; r < nRows; r++) {
            int from = (int) offsets.getLong(r);
            int to = (int) offsets.getLong(r + 1);
            // A Scala Seq: what Spark's row encoder takes for an array column.
            out[r] = rowValid != null && !rowValid.getBool(r) ? null
                    : scala.jdk.javaapi.CollectionConverters.asScala(Arrays.asList(Arrays.copyOfRange(values, from, to))).toSeq();
        }
        return out;
    }

    private static Object[] values(Path dir, BatchColumn col) {
        NpyReader.Array v = NpyReader.read(file(dir, col, "values"));
        Path validFile = file(dir, col, "valid");
        NpyReader.Array valid = Files.exists(validFile) ? NpyReader.read(validFile) : null;
        Object[] out;
        if (col.dtype() == BatchDtype.STRING) {
            NpyReader.Array so = NpyReader.read(file(dir, col, "stroffsets"));
            out = new Object[so.length() - 1];
            byte[] bytes = new byte[v.length()];
            v.body().get(0, bytes);
            for (int i = 0; i < out.length; i++) {
                int from = (int) so.getLong(i);
                out[i] = new String(bytes, from, (int) so.getLong(i + 1) - from, StandardCharsets.UTF_8);
            }
        } else {
            out = new Object[v.length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = switch (col.dtype()) {
                    case FLOAT32 -> (float) v.getDouble(i);
                    case FLOAT64 -> v.getDouble(i);
                    case INT32 -> (int) v.getLong(i);
                    case INT64 -> v.getLong(i);
                    case BOOL -> v.getBool(i);
                    case STRING -> throw new IllegalStateException("strings are read above");
                };
            }
        }
        if (valid != null) {
            for (int i = 0; i < out.length; i++) {
                if (!valid.getBool(i)) {
                    out[i] = null;
                }
            }
        }
        return out;
    }

    private static Path file(Path dir, BatchColumn col, String part) {
        return dir.resolve(col.name() + "." + part + ".npy");
    }
}
