package io.finkperf.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A folder as a zip whose entries are relative to the folder, so that the archive Spark unpacks on
 * an executor ({@code addArchive}, then {@code SparkFiles.get(name)}) is the folder itself.
 * Symbolic links are followed: a science dir may link to its data.
 */
final class DirArchive {

    private DirArchive() {
    }

    static void zip(Path dir, Path zip) {
        try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS);
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path f : files) {
                out.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + dir + " into " + zip, e);
        }
    }
}
