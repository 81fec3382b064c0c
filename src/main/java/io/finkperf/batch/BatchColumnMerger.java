package io.finkperf.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finkperf.files.UntrustedFiles;
import io.finkperf.files.UntrustedFiles.UntrustedFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Adds the column a module produced (a one-column batch written by the driver's
 * {@code save_output}) to the shared batch, so that modules needing it can read it. The produced
 * folder was writable by module code: its manifest must describe exactly the expected column over
 * exactly the batch's chunks, and only that column's regular files are copied, without following
 * links and within size caps ({@link UntrustedFileException} otherwise).
 */
public final class BatchColumnMerger {

    /** Largest single .npy file accepted from a module (a 10 000-row chunk of long strings is far below). */
    public static final long MAX_FILE_BYTES = 256L << 20;
    private static final long MAX_MANIFEST_BYTES = 1L << 20;
    private static final List<String> SCALAR_SUFFIXES = List.of(".values.npy", ".valid.npy", ".stroffsets.npy");
    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchColumnMerger() {
    }

    public static void merge(Path produced, Path batch, String expectedColumn) {
        try {
            JsonNode from = UntrustedFiles.readJson(UntrustedFiles.regularFile(produced, "manifest.json"), MAX_MANIFEST_BYTES);
            ObjectNode to = (ObjectNode) JSON.readTree(batch.resolve("manifest.json").toFile());
            if (!BatchWriter.FORMAT.equals(from.path("format").asText())) {
                throw new UntrustedFileException(produced + "/manifest.json: format is not " + BatchWriter.FORMAT);
            }
            if (from.path("n_rows").asLong(-1) != to.path("n_rows").asLong()) {
                throw new UntrustedFileException("produced column has " + from.path("n_rows").asLong(-1)
                        + " rows, batch has " + to.path("n_rows").asLong());
            }
            JsonNode column = checkedColumn(from, expectedColumn, produced);
            checkSameChunks(from.path("chunks"), to.path("chunks"), produced);
            for (JsonNode chunk : to.path("chunks")) {
                String dir = UntrustedFiles.plainName(chunk.path("dir").asText(), "chunk folder");
                copyColumnFiles(produced, dir, batch.resolve(dir), expectedColumn);
            }
            ArrayNode columns = (ArrayNode) to.withArray("columns");
            for (int i = columns.size() - 1; i >= 0; i--) {
                if (columns.get(i).path("name").asText().equals(expectedColumn)) {
                    columns.remove(i);
                }
            }
            columns.add(column);
            Path tmp = batch.resolve("manifest.json.tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), to);
            Files.move(tmp, batch.resolve("manifest.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge " + produced + " into " + batch, e);
        }
    }

    private static JsonNode checkedColumn(JsonNode manifest, String expected, Path produced) {
        JsonNode columns = manifest.path("columns");
        if (!columns.isArray() || columns.size() != 1 || !expected.equals(columns.get(0).path("name").asText())) {
            throw new UntrustedFileException(produced + "/manifest.json must describe exactly the column '" + expected + "'");
        }
        JsonNode c = columns.get(0);
        if (!"scalar".equals(c.path("kind").asText())) {
            throw new UntrustedFileException(produced + "/manifest.json: column '" + expected + "' must be scalar");
        }
        try {
            BatchDtype.fromManifestName(c.path("dtype").asText());
        } catch (RuntimeException e) {
            throw new UntrustedFileException(produced + "/manifest.json: unknown dtype '"
                    + UntrustedFiles.printable(c.path("dtype").asText()) + "'");
        }
        ObjectNode clean = JSON.createObjectNode();
        clean.put("name", expected);
        clean.put("kind", "scalar");
        clean.put("dtype", c.path("dtype").asText());
        return clean;
    }

    private static void checkSameChunks(JsonNode from, JsonNode to, Path produced) {
        if (!from.isArray() || from.size() != to.size()) {
            throw new UntrustedFileException(produced + "/manifest.json: chunks differ from the batch's");
        }
        for (int i = 0; i < to.size(); i++) {
            String dir = UntrustedFiles.plainName(from.get(i).path("dir").asText(), "chunk folder");
            if (!dir.equals(to.get(i).path("dir").asText())
                    || from.get(i).path("n_rows").asLong(-1) != to.get(i).path("n_rows").asLong()) {
                throw new UntrustedFileException(produced + "/manifest.json: chunk " + i + " ('" + dir
                        + "') differs from the batch's");
            }
        }
    }

    private static void copyColumnFiles(Path produced, String dir, Path target, String column) {
        boolean values = false;
        for (String suffix : SCALAR_SUFFIXES) {
            String name = UntrustedFiles.plainName(column + suffix, "column file");
            Path candidate = produced.resolve(dir).resolve(name);
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            UntrustedFiles.copy(UntrustedFiles.regularFile(produced, dir, name), target.resolve(name), MAX_FILE_BYTES);
            values |= suffix.equals(".values.npy");
        }
        if (!values) {
            throw new UntrustedFileException(produced.resolve(dir) + " has no " + column + ".values.npy");
        }
    }
}
