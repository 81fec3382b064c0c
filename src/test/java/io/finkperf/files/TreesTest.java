package io.finkperf.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreesTest {

    @TempDir
    Path tmp;

    @Test
    void deletesAFolderWithEverythingBelowIt() throws IOException {
        Path dir = tmp.resolve("work");
        Files.createDirectories(dir.resolve("a/b/c"));
        Files.writeString(dir.resolve("a/b/c/deep.txt"), "x");
        Files.writeString(dir.resolve("top.txt"), "y");

        Trees.deleteRecursively(dir);

        assertFalse(Files.exists(dir));
        assertTrue(Files.isDirectory(tmp), "the parent stays");
    }

    @Test
    void aMissingFolderIsNothingToDo() throws IOException {
        Trees.deleteRecursively(tmp.resolve("never-made"));
        Trees.deleteOrFail(tmp.resolve("never-made"));
        assertTrue(Trees.deleteQuietly(tmp.resolve("never-made")));
    }

    @Test
    void linksAreDeletedNotFollowed() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "precious");
        Path dir = Files.createDirectories(tmp.resolve("work"));
        Files.createSymbolicLink(dir.resolve("to-folder"), outside);
        Files.createSymbolicLink(dir.resolve("to-file"), outside.resolve("keep.txt"));
        Path linkedRoot = Files.createSymbolicLink(tmp.resolve("root-link"), outside);

        Trees.deleteRecursively(dir);
        Trees.deleteRecursively(linkedRoot);

        assertFalse(Files.exists(dir, LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(linkedRoot, LinkOption.NOFOLLOW_LINKS));
        assertEquals("precious", Files.readString(outside.resolve("keep.txt")));
    }

    @Test
    void aFolderThatCannotBeEmptiedFailsLoudlyOrQuietlyAsAsked() {
        // procfs refuses every unlink, even root's (the tests may run as root, where permissions lock nothing)
        Path undeletable = Path.of("/proc/self/fdinfo");
        assumeTrue(Files.isDirectory(undeletable), "needs Linux procfs");

        var e = assertThrows(UncheckedIOException.class, () -> Trees.deleteOrFail(undeletable));
        assertEquals("cannot clean " + undeletable, e.getMessage());
        assertFalse(Trees.deleteQuietly(undeletable));
    }

    @Test
    void aQuietDeleteRemovesAllItCanAroundWhatItCannot() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(dir.resolve("a.txt"), "a");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.writeString(locked.resolve("f.txt"), "f");
        Files.writeString(dir.resolve("z.txt"), "z");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        // root ignores permissions: an immutable file (ext4, xfs, btrfs) cannot be unlinked even by root
        boolean immutable = Files.isWritable(locked) && chattr("+i", locked.resolve("f.txt"));
        try {
            assumeFalse(Files.isWritable(locked) && !immutable, "as root, on a file system without chattr +i");

            assertThrows(IOException.class, () -> Trees.deleteRecursively(dir));
            assertFalse(Trees.deleteQuietly(dir));

            assertFalse(Files.exists(dir.resolve("a.txt")));
            assertFalse(Files.exists(dir.resolve("z.txt")));
            assertTrue(Files.exists(locked.resolve("f.txt")));
        } finally {
            if (immutable) {
                chattr("-i", locked.resolve("f.txt"));
            }
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static boolean chattr(String flag, Path file) throws InterruptedException {
        try {
            return new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
