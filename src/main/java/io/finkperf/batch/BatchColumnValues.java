package io.finkperf.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.finkperf.files.UntrustedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One scalar column of a batch, every chunk in order, as Java values (null for nulls). The batch may
 * have been written by a module's process (a saved output), so it is read as untrusted: plain names,
 * no links, capped sizes.
 */
public final class BatchColumnValues {

    private static final long MAX_MANIFEST_BYTES = 1L << 20;
    private static final List<String> PARTS = List.of("values", "valid", "offsets", "rowvalid", "stroffsets");

    private BatchColumnValues() {
    }

    /** The column's values, or empty when the batch has no such column; list columns are refused. */
    public static Optional<List<Object>> read(Path batchDir, String column) {
        JsonNode m;
        try {
            m = UntrustedFiles.readJson(UntrustedFiles.regularFile(batchDir, "manifest.json"), MAX_MANIFEST_BYTES);
        } catch (UntrustedFiles.UntrustedFileException e) {
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
            String dir = chunk.path("dir").asText();
            checkFiles(batchDir, dir, column);
            Object[] values = BatchRows.readColumn(batchDir.resolve(dir), col, chunk.path("n_rows").asInt());
            out.addAll(java.util.Arrays.asList(values));
        }
        return Optional.of(out);
    }

    /** Every file of {@code column} that exists in the chunk: a plain regular file under the size cap. */
    private static void checkFiles(Path batchDir, String chunkDir, String column) {
        try {
            Path dir = UntrustedFiles.checkedDir(batchDir.resolve(UntrustedFiles.plainName(chunkDir, "chunk")));
            for (String part : PARTS) {
                Path f = dir.resolve(column + "." + part + ".npy");
                if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
                    UntrustedFiles.regularFile(dir, f.getFileName().toString());
                    if (Files.size(f) > BatchColumnMerger.MAX_FILE_BYTES) {
                        throw new BatchFormatException(f + " is larger than " + BatchColumnMerger.MAX_FILE_BYTES + " bytes");
                    }
                }
            }
        } catch (UntrustedFiles.UntrustedFileException | IOException e) {
            throw new BatchFormatException("untrusted batch " + batchDir + ": " + e.getMessage());
        }
    }
}
