package io.finkperf.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Checks an input path before Spark sees it, so a bad path fails with the file's name instead of a stack trace. */
public final class AlertFiles {

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    /** Avro object container file: "Obj" then format version 1. */
    private static final byte[] AVRO_MAGIC = {'O', 'b', 'j', 1};

    /** How the files are stored: the Spark data source that reads them. */
    enum Format {
        PARQUET("parquet"), AVRO("avro");

        final String source;

        Format(String source) {
            this.source = source;
        }
    }

    private AlertFiles() {
    }

    /**
     * The format of the data files under {@code path} (itself, or all non-hidden files below it, as
     * Spark lists them): all parquet, or all Avro container files (Fink Data Transfer {@code -outformat avro}).
     */
    static Format validate(Path path) {
        if (!Files.exists(path)) {
            throw new DataException(DataException.Kind.MISSING, "no such file or directory: " + path);
        }
        List<Path> files = Files.isDirectory(path) ? dataFilesUnder(path) : List.of(path);
        if (files.isEmpty()) {
            throw new DataException(DataException.Kind.EMPTY, "no parquet or avro files under " + path);
        }
        Format first = formatOf(files.get(0));
        for (Path f : files) {
            Format other = formatOf(f);
            if (other != first) {
                throw new DataException(DataException.Kind.UNSUPPORTED, path + " mixes " + first.source + " ("
                        + files.get(0).getFileName() + ") and " + other.source + " (" + f.getFileName()
                        + ") files: give one format per --data");
            }
        }
        return first;
    }

    private static Format formatOf(Path f) {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size >= 4 && startsWith(ch, AVRO_MAGIC)) {
                return Format.AVRO;
            }
            if (size < 12 || !magicAt(ch, 0) || !magicAt(ch, size - 4)) {
                throw new DataException(DataException.Kind.CORRUPT, f
                        + " is neither a parquet file (no PAR1 magic) nor an Avro container file (no Obj1 magic)");
            }
            return Format.PARQUET;
        } catch (IOException e) {
            throw new DataException(DataException.Kind.CORRUPT, "cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private static boolean startsWith(FileChannel ch, byte[] magic) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(magic.length);
        while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
            // read fully
        }
        return !b.hasRemaining() && java.util.Arrays.equals(b.array(), magic);
    }

    private static List<Path> dataFilesUnder(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !hiddenBelow(dir, p))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new DataException(DataException.Kind.CORRUPT, "cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Whether Spark skips {@code p} below {@code root}: a name on the way starts with '_' or '.' (_SUCCESS, .crc, _temporary/). */
    public static boolean hiddenBelow(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            String s = part.toString();
            if (s.startsWith("_") || s.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean magicAt(FileChannel ch, long pos) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4);
        while (b.hasRemaining() && ch.read(b, pos + b.position()) > 0) {
            // read fully
        }
        return b.position() == 4 && java.util.Arrays.equals(b.array(), MAGIC);
    }
}
