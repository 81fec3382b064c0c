package io.finkperf.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Streams rows into {@code fink-perf-batch/1} chunks (see ARCHITECTURE.md): only the chunk being
 * filled is held in memory; {@code manifest.json} is written last, so a folder with a manifest is complete.
 */
public final class BatchWriter {

    static final String FORMAT = "fink-perf-batch/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path outDir;
    private final int chunkRows;
    private final List<BatchColumn> columns;

    public BatchWriter(Path outDir, int chunkRows, List<BatchColumn> columns) {
        if (chunkRows <= 0) {
            throw new IllegalArgumentException("chunkRows must be positive, got " + chunkRows);
        }
        this.outDir = outDir;
        this.chunkRows = chunkRows;
        this.columns = List.copyOf(columns);
    }

    /**
     * Writes {@code rows} as a complete batch in {@code dir}: one batch column per field of {@code schema},
     * named as the field, list columns from arrays. Usable inside a Spark task (no Spark session needed).
     *
     * @return the row count
     * @throws IllegalArgumentException naming the first field whose type the format cannot hold
     */
    public static long writeRows(Iterator<InternalRow> rows, StructType schema, Path dir, int chunkRows, String source,
                                 String survey) {
        return new BatchWriter(dir, chunkRows, columnsOf(schema)).write(rows, source, survey);
    }

    static List<BatchColumn> columnsOf(StructType schema) {
        List<BatchColumn> columns = new ArrayList<>();
        for (StructField f : schema.fields()) {
            boolean list = f.dataType() instanceof ArrayType;
            DataType element = list ? ((ArrayType) f.dataType()).elementType() : f.dataType();
            BatchDtype dtype = BatchDtype.of(element);
            if (dtype == null) {
                throw new IllegalArgumentException("column '" + f.name() + "' of type " + f.dataType().simpleString()
                        + " has no fink-perf-batch/1 dtype");
            }
            columns.add(new BatchColumn(f.name(), list, dtype));
        }
        return columns;
    }

    /** Writes every row (column i of a row is column i of the batch), then the manifest; returns the row count. */
    public long write(Iterator<InternalRow> rows, String source, String survey) {
        prepare();
        List<Long> chunks = writeChunks(outDir, chunkRows, columns, rows);
        writeManifest(chunks, source, survey);
        return chunks.stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The chunk files only, returning each chunk's row count. Static and free of Spark objects so it
     * can run inside a Spark task (local mode: same machine), next to the data.
     */
    public static List<Long> writeChunks(Path outDir, int chunkRows, List<BatchColumn> batchColumns, Iterator<InternalRow> rows) {
        List<ChunkColumn> columns = new ArrayList<>();
        for (BatchColumn c : batchColumns) {
            columns.add(new ChunkColumn(c));
        }
        NpyWriter npy = new NpyWriter();
        List<Long> chunkSizes = new ArrayList<>();
        int inChunk = 0;
        int n = columns.size();
        while (rows.hasNext()) {
            InternalRow row = rows.next();
            for (int i = 0; i < n; i++) {
                columns.get(i).append(row, i);
            }
            if (++inChunk == chunkRows) {
                flush(outDir, columns, npy, chunkSizes, inChunk);
                inChunk = 0;
            }
        }
        if (inChunk > 0 || chunkSizes.isEmpty()) {
            flush(outDir, columns, npy, chunkSizes, inChunk);
        }
        return chunkSizes;
    }

    public void prepare() {
        try {
            Files.createDirectories(outDir);
            // A stale manifest would describe chunks being overwritten now.
            Files.deleteIfExists(outDir.resolve("manifest.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create batch folder " + outDir, e);
        }
    }

    private static void flush(Path outDir, List<ChunkColumn> columns, NpyWriter npy, List<Long> chunkSizes,
            int rowsInChunk) {
        Path dir = outDir.resolve(chunkDir(chunkSizes.size()));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        for (ChunkColumn c : columns) {
            c.write(npy, dir);
            c.clear();
        }
        chunkSizes.add((long) rowsInChunk);
    }

    public static String chunkDir(int i) {
        return String.format("chunk-%05d", i);
    }

    public void writeManifest(List<Long> chunkSizes, String source, String survey) {
        long total = chunkSizes.stream().mapToLong(Long::longValue).sum();
        ObjectNode m = JSON.createObjectNode();
        m.put("format", FORMAT);
        m.put("n_rows", total);
        m.put("chunk_rows", chunkRows);
        m.put("source", source);
        m.put("survey", survey);
        ArrayNode chunks = m.putArray("chunks");
        for (int i = 0; i < chunkSizes.size(); i++) {
            chunks.addObject().put("dir", chunkDir(i)).put("n_rows", chunkSizes.get(i));
        }
        ArrayNode cols = m.putArray("columns");
        for (BatchColumn c : columns) {
            cols.addObject().put("name", c.name()).put("kind", c.kind()).put("dtype", c.dtype().manifestName);
        }
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(outDir.resolve("manifest.json").toFile(), m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write manifest in " + outDir, e);
        }
    }
}
