package io.finkperf.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Adds the column a module produced (a one-column batch written by the driver's
 * {@code save_output}) to the shared batch, so that modules needing it can read it.
 */
public final class BatchColumnMerger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchColumnMerger() {
    }

    public static void merge(Path produced, Path batch) {
        try {
            JsonNode from = JSON.readTree(produced.resolve("manifest.json").toFile());
            ObjectNode to = (ObjectNode) JSON.readTree(batch.resolve("manifest.json").toFile());
            if (from.path("n_rows").asLong() != to.path("n_rows").asLong()) {
                throw new IllegalStateException("produced column has " + from.path("n_rows").asLong()
                        + " rows, batch has " + to.path("n_rows").asLong());
            }
            for (JsonNode chunk : from.path("chunks")) {
                String dir = chunk.path("dir").asText();
                try (DirectoryStream<Path> files = Files.newDirectoryStream(produced.resolve(dir))) {
                    for (Path f : files) {
                        Files.copy(f, batch.resolve(dir).resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            ArrayNode columns = (ArrayNode) to.withArray("columns");
            for (JsonNode col : from.path("columns")) {
                for (int i = columns.size() - 1; i >= 0; i--) {
                    if (columns.get(i).path("name").asText().equals(col.path("name").asText())) {
                        columns.remove(i);
                    }
                }
                columns.add(col);
            }
            Path tmp = batch.resolve("manifest.json.tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), to);
            Files.move(tmp, batch.resolve("manifest.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge " + produced + " into " + batch, e);
        }
    }
}
