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

/**
 * Deleting a folder with everything below it, deepest first; nothing when it does not exist. A link (to
 * a file or a folder, the folder itself included) is deleted as a link: what it points to stays.
 */
public final class Trees {

    private Trees() {
    }

    /** Deletes {@code dir} and all below it, stopping at the first entry that cannot be deleted. */
    public static void deleteRecursively(Path dir) throws IOException {
        delete(dir, true);
    }

    /** {@link #deleteRecursively}, failing with an unchecked "cannot clean DIR". */
    public static void deleteOrFail(Path dir) {
        try {
            deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
    }

    /**
     * Deletes all of {@code dir} it can, passing over what it cannot (a file a container's user owns…),
     * for scratch folders where a leftover is harmless: true when {@code dir} is gone.
     */
    public static boolean deleteQuietly(Path dir) {
        try {
            delete(dir, false);
        } catch (IOException e) {
            throw new IllegalStateException("a quiet delete threw", e); // delete(…, false) never does
        }
        return !Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
    }

    private static void delete(Path dir, boolean strict) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                remove(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                fail(e);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                fail(e);
                remove(d);
                return FileVisitResult.CONTINUE;
            }

            private void remove(Path p) throws IOException {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    fail(e);
                }
            }

            private void fail(IOException e) throws IOException {
                if (e != null && strict && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
            }
        });
    }
}
