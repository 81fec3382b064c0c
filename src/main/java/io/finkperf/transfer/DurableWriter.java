package io.finkperf.transfer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Puts a batch's files in place so that a kill at any instant leaves either all of them or none:
 * each file is written under a hidden temporary name and fsynced; then a journal listing the batch's
 * files is made durable; then the files are renamed into place and the journal removed. A rerun
 * finishes any journaled batch and deletes unjournaled temporaries ({@link #recover()}). Only after
 * {@link #publish} returns may the batch's offsets be committed to Kafka.
 */
final class DurableWriter {

    static final String JOURNAL_DIR = "_fink-transfer";

    private final Path outDir;
    private final Path journalDir;
    private final FileNamer namer;
    private final Set<Path> durableDirs = ConcurrentHashMap.newKeySet();

    DurableWriter(Path outDir, FileNamer namer) {
        this.outDir = outDir.toAbsolutePath().normalize();
        this.journalDir = this.outDir.resolve(JOURNAL_DIR);
        this.namer = namer;
    }

    Path outDir() {
        return outDir;
    }

    /** The temporary path of a part that will end at {@code folder/name} ({@code folder} relative, "/"-separated). */
    Path tempFor(String folder, String name) throws IOException {
        Path dir = folder.isEmpty() ? outDir : outDir.resolve(folder);
        ensureDir(dir);
        return dir.resolve(FileNamer.tempName(name));
    }

    /** Journal, rename into place, make the renames durable, drop the journal. */
    void publish(OffsetRange range, List<Path> temps, Runnable afterJournal) throws IOException {
        ensureDir(journalDir);
        Path journal = journalDir.resolve(namer.journalName(range));
        Path journalTmp = journalDir.resolve(FileNamer.tempName(journal.getFileName().toString()));
        StringBuilder lines = new StringBuilder();
        for (Path t : temps) {
            lines.append(outDir.relativize(t)).append('\n');
        }
        try {
            writeDurably(journalTmp, lines.toString().getBytes(StandardCharsets.UTF_8));
            move(journalTmp, journal);
        } catch (IOException e) {
            Files.deleteIfExists(journalTmp); // a half-written journal (disk full) must not outlive the batch
            throw e;
        }
        fsyncDir(journalDir);
        afterJournal.run();
        try {
            finish(journal);
        } catch (IOException e) {
            throw new Journaled(journal, e);
        }
    }

    /**
     * Publishing failed after the journal was durable: the batch's temporaries must stay, since the
     * journal names them and the next run's {@link #recover()} puts them in place.
     */
    static final class Journaled extends IOException {
        Journaled(Path journal, IOException cause) {
            super(cause.getMessage() + " (journaled in " + journal.getFileName() + ": the next run finishes it)", cause);
        }
    }

    /** Completes batches whose journal survived a kill; removes temporaries of batches that never got one. */
    void recover() throws IOException {
        if (Files.isDirectory(journalDir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(journalDir, namer.topic() + "-*.pending")) {
                for (Path j : ds) {
                    finish(j);
                }
            }
        }
        if (!Files.isDirectory(outDir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(outDir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                if (namer.isTemp(p.getFileName().toString())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** For each partition, the offset after the last one already in a part of this topic under outDir. */
    Map<Integer, Long> nextOffsetsOnDisk() throws IOException {
        Map<Integer, Long> next = new HashMap<>();
        if (!Files.isDirectory(outDir)) {
            return next;
        }
        try (Stream<Path> walk = Files.walk(outDir)) {
            walk.filter(Files::isRegularFile)
                    .map(p -> namer.parse(p.getFileName().toString()))
                    .flatMap(java.util.Optional::stream)
                    .forEach(r -> next.merge(r.partition(), r.last() + 1, Math::max));
        }
        return next;
    }

    private void finish(Path journal) throws IOException {
        List<String> temps = Files.readAllLines(journal, StandardCharsets.UTF_8);
        Set<Path> dirs = new java.util.LinkedHashSet<>();
        for (String rel : temps) {
            if (rel.isBlank()) {
                continue;
            }
            Path temp = outDir.resolve(rel);
            String tempName = temp.getFileName().toString();
            // ".<name>.tmp" -> "<name>"
            Path fin = temp.resolveSibling(tempName.substring(1, tempName.length() - ".tmp".length()));
            if (Files.exists(temp)) {
                move(temp, fin);
            } else if (!Files.exists(fin)) {
                throw new IOException("journal " + journal + " names " + temp + ", which is neither written nor in place");
            }
            dirs.add(fin.getParent());
        }
        for (Path d : dirs) {
            fsyncDir(d);
        }
        Files.delete(journal);
        fsyncDir(journal.getParent());
    }

    private void ensureDir(Path dir) throws IOException {
        if (durableDirs.contains(dir)) {
            return;
        }
        List<Path> created = new ArrayList<>();
        for (Path d = dir; d != null && !Files.isDirectory(d); d = d.getParent()) {
            created.add(d);
        }
        Files.createDirectories(dir);
        for (Path d : created) {
            fsyncDir(d.getParent());
        }
        durableDirs.add(dir);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    /** A rename or a new entry is durable only once its directory is fsynced. */
    static void fsyncDir(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            // some file systems refuse to open directories for fsync; their renames are as durable as they get
        }
    }
}
