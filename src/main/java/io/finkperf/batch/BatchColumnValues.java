package io.finkperf.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One scalar column of a batch, every chunk in order, as Java values (null for nulls). */
public final class BatchColumnValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchColumnValues() {
    }

    /** The column's values, or empty when the batch has no such column; list columns are refused. */
    public static Optional<List<Object>> read(Path batchDir, String column) {
        JsonNode m;
        try {
            m = JSON.readTree(Files.readString(batchDir.resolve("manifest.json"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BatchFormatException("cannot read manifest of batch " + batchDir + ": " + e.getMessage());
        }
        BatchColumn col = null;
        for (JsonNode c : m.path("columns")) {
            if (c.path("name").asText().equals(column)) {
                col = BatchColumn.fromManifest(column, c.path("kind").asText(), c.path("dtype").asText());
            }
        }
        if (col == null) {
            return Optional.empty();
        }
        if (col.list()) {
            throw new BatchFormatException("column '" + column + "' of " + batchDir + " is a list column");
        }
        List<Object> out = new ArrayList<>();
        for (JsonNode chunk : m.path("chunks")) {
            Object[] values = BatchRows.readColumn(batchDir.resolve(chunk.path("dir").asText()), col,
                    chunk.path("n_rows").asInt());
            out.addAll(java.util.Arrays.asList(values));
        }
        return Optional.of(out);
    }
}
