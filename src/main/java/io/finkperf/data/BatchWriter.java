package io.finkperf.data;

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
import org.apache.spark.sql.Row;

/**
 * Streams rows into {@code fink-perf-batch/1} chunks (see ARCHITECTURE.md): only the chunk being
 * filled is held in memory; {@code manifest.json} is written last, so a folder with a manifest is complete.
 */
final class BatchWriter {

    static final String FORMAT = "fink-perf-batch/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path outDir;
    private final int chunkRows;
    private final List<ChunkColumn> columns = new ArrayList<>();
    private final NpyWriter npy = new NpyWriter();
    private final List<Long> chunkSizes = new ArrayList<>();

    BatchWriter(Path outDir, int chunkRows, List<ColumnSource> sources) {
        if (chunkRows <= 0) {
            throw new IllegalArgumentException("chunkRows must be positive, got " + chunkRows);
        }
        this.outDir = outDir;
        this.chunkRows = chunkRows;
        for (ColumnSource s : sources) {
            columns.add(new ChunkColumn(s));
        }
    }

    /** Writes every row of {@code rows} (column i of a row is source i) and returns how many there were. */
    long write(Iterator<Row> rows, String source, Survey survey) {
        prepare();
        long total = 0;
        int inChunk = 0;
        int n = columns.size();
        while (rows.hasNext()) {
            Row row = rows.next();
            for (int i = 0; i < n; i++) {
                columns.get(i).append(row, i);
            }
            total++;
            if (++inChunk == chunkRows) {
                flush(inChunk);
                inChunk = 0;
            }
        }
        if (inChunk > 0 || chunkSizes.isEmpty()) {
            flush(inChunk);
        }
        writeManifest(total, source, survey);
        return total;
    }

    private void prepare() {
        try {
            Files.createDirectories(outDir);
            // A stale manifest would describe chunks being overwritten now.
            Files.deleteIfExists(outDir.resolve("manifest.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create batch folder " + outDir, e);
        }
    }

    private void flush(int rowsInChunk) {
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

    static String chunkDir(int i) {
        return String.format("chunk-%05d", i);
    }

    private void writeManifest(long total, String source, Survey survey) {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", FORMAT);
        m.put("n_rows", total);
        m.put("chunk_rows", chunkRows);
        m.put("source", source);
        m.put("survey", survey.id());
        ArrayNode chunks = m.putArray("chunks");
        for (int i = 0; i < chunkSizes.size(); i++) {
            chunks.addObject().put("dir", chunkDir(i)).put("n_rows", chunkSizes.get(i));
        }
        ArrayNode cols = m.putArray("columns");
        for (ChunkColumn c : columns) {
            cols.addObject().put("name", c.source.name()).put("kind", c.source.kind())
                    .put("dtype", c.source.dtype().manifestName);
        }
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(outDir.resolve("manifest.json").toFile(), m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write manifest in " + outDir, e);
        }
    }
}
