package io.finkperf.history;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The history: a folder of JSON-lines files, one file per run and one line per module, never
 * rewritten. Two jobs appending at once each create their own file (a unique name, written
 * aside and moved in atomically), so neither can lose the other's records, and a git branch
 * holding the store merges without conflicts.
 *
 * <pre>
 * STORE/
 *   runs/2026-11-29T08-15-02Z-1a2b3c4d-5e6f7a8b.jsonl
 *   reports/&lt;runId&gt;.html     (optional: the run's self-contained report)
 * </pre>
 */
public final class HistoryStore {

    public static final String RUNS = "runs";
    public static final String REPORTS = "reports";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;

    public HistoryStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** A new run id: sortable by time, unique across machines. */
    public static String newRunId(String recordedAt, String sha) {
        String stamp = recordedAt == null ? "unknown" : recordedAt.replaceAll("\\.\\d+", "").replace(':', '-');
        String commit = sha == null || sha.length() < 8 ? "nocommit" : sha.substring(0, 8);
        return stamp + "-" + commit + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Writes one run's records as a new file; returns it. Every record must carry the same run id. */
    public Path append(List<HistoryRecord> records) {
        if (records.isEmpty()) {
            throw new HistoryException(HistoryException.Kind.BAD_INPUT, "nothing to append: the run has no module");
        }
        String runId = records.get(0).runId();
        if (runId == null || !runId.matches("[A-Za-z0-9_.-]+") || records.stream().anyMatch(r -> !runId.equals(r.runId()))) {
            throw new IllegalArgumentException("one run id per append, file-name safe: " + runId);
        }
        Path runs = dir.resolve(RUNS);
        try {
            Files.createDirectories(runs);
            StringBuilder lines = new StringBuilder();
            for (HistoryRecord r : records) {
                lines.append(JSON.writeValueAsString(r)).append('\n');
            }
            Path file = runs.resolve(runId + ".jsonl");
            Path tmp = Files.createTempFile(runs, ".append-", ".tmp");
            Files.writeString(tmp, lines, StandardCharsets.UTF_8);
            readableByAll(tmp);
            if (Files.exists(file)) {
                Files.delete(tmp);
                throw new FileAlreadyExistsException(file.toString());
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to history store " + dir, e);
        }
    }

    /** createTempFile makes 0600 files: a shared store must stay readable by its other users. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    /** Keeps a copy of a run's self-contained HTML report; returns its path relative to the store. */
    public String keepReport(String runId, Path html) {
        try {
            Path reports = Files.createDirectories(dir.resolve(REPORTS));
            Files.copy(html, reports.resolve(runId + ".html"), StandardCopyOption.REPLACE_EXISTING);
            return REPORTS + "/" + runId + ".html";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep report " + html + " in " + dir, e);
        }
    }

    /** Every record, in file-name order (runs are named by time); a bad line is named by file and line number. */
    public List<HistoryRecord> readAll() {
        if (!Files.isDirectory(dir)) {
            throw new HistoryException(HistoryException.Kind.BAD_STORE, "no history store at " + dir);
        }
        Path runs = dir.resolve(RUNS);
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        List<HistoryRecord> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(runs)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                all.addAll(read(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read history store " + dir, e);
        }
        return all;
    }

    private static List<HistoryRecord> read(Path file) throws IOException {
        List<HistoryRecord> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            HistoryRecord r;
            try {
                r = JSON.readValue(line, HistoryRecord.class);
            } catch (JacksonException e) {
                throw new HistoryException(HistoryException.Kind.BAD_STORE,
                        file + ":" + (i + 1) + ": not a history record: " + e.getOriginalMessage());
            }
            if (!HistoryRecord.SCHEMA.equals(r.schema())) {
                throw new HistoryException(HistoryException.Kind.BAD_STORE, file + ":" + (i + 1)
                        + ": schema " + r.schema() + ", this fink-perf reads " + HistoryRecord.SCHEMA);
            }
            out.add(r);
        }
        return out;
    }
}
