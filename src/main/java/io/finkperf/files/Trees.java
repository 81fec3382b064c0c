package io.finkperf.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deleting a folder with everything below it, links removed but never followed. */
public final class Trees {

    private Trees() {
    }

    /**
     * Deletes {@code dir} and all below it, deepest first; nothing when it does not exist. A link (to a
     * file or a folder, {@code dir} itself included) is deleted as a link: what it points to stays.
     */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** {@link #deleteRecursively}, failing with an unchecked "cannot clean DIR". */
    public static void deleteOrFail(Path dir) {
        try {
            deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
    }

    /** {@link #deleteRecursively} for a temporary folder, where a leftover is harmless: true when it is gone. */
    public static boolean deleteQuietly(Path dir) {
        try {
            deleteRecursively(dir);
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
