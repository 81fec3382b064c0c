package io.finkperf.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.fetch.FetchException.Kind;
import io.finkperf.fetch.SafeExtractor.Format;
import io.finkperf.files.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeExtractorTest {

    @TempDir
    Path tmp;
    Path target;

    @BeforeEach
    void setUp() {
        target = tmp.resolve("sandbox").resolve("out");
    }

    private FetchException refused(byte[] archive, Format format) throws IOException {
        Path a = tmp.resolve("archive.bin");
        Files.write(a, archive);
        FetchException e = assertThrows(FetchException.class, () -> SafeExtractor.extract(a, format, target));
        assertEquals(Kind.ARCHIVE, e.kind());
        assertTrue(e.getMessage().startsWith("refusing archive entry"), e.getMessage());
        assertNothingOutsideTarget();
        return e;
    }

    /** Only archive.bin, the target subtree and an empty "victim" folder may exist under tmp. */
    private void assertNothingOutsideTarget() throws IOException {
        try (Stream<Path> walk = Files.walk(tmp)) {
            walk.filter(p -> !p.equals(tmp) && !p.startsWith(target) && !p.equals(tmp.resolve("archive.bin"))
                            && !p.equals(tmp.resolve("sandbox")) && !p.equals(tmp.resolve("victim")))
                    .forEach(p -> {
                        throw new AssertionError("written outside the extraction folder: " + p);
                    });
        }
    }

    @Nested
    class Tar {

        @ParameterizedTest
        @ValueSource(strings = {"../evil", "a/../../evil", "./../evil", "a/b/../../../evil", "..\\evil"})
        void refusesTraversal(String name) throws IOException {
            FetchException e = refused(TestArchives.tarGz(t -> t.file("ok.txt", "fine").file(name, "pwned")), Format.TAR_GZ);
            assertTrue(e.getMessage().contains("'..' in path"), e.getMessage());
        }

        @Test
        void refusesAbsolutePath() throws IOException {
            String abs = tmp.resolve("evil").toString();
            FetchException e = refused(TestArchives.tarGz(t -> t.file(abs, "pwned")), Format.TAR_GZ);
            assertTrue(e.getMessage().contains("absolute path"), e.getMessage());
            assertFalse(Files.exists(tmp.resolve("evil")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"../../outside", "/etc/passwd", "../sub/../../x"})
        void refusesSymlinkEscaping(String linkTarget) throws IOException {
            FetchException e = refused(TestArchives.tarGz(t -> t.dir("sub/").symlink("sub/link", linkTarget)), Format.TAR_GZ);
            assertTrue(e.getMessage().contains("symlink"), e.getMessage());
        }

        @Test
        void refusesSymlinkChainThatEscapesForReal() throws IOException {
            // e -> d/.. stays inside lexically (it is the root), but d is the root itself, so d/.. is its parent
            FetchException e = refused(TestArchives.tarGz(t -> t.symlink("d", ".").symlink("e", "d/..")), Format.TAR_GZ);
            assertTrue(e.getMessage().contains("resolves outside"), e.getMessage());
        }

        @Test
        void refusesADanglingChainThatWouldEscape() throws IOException {
            // d -> "." is the root; d/x -> "../outside" stays inside lexically (root/x's sibling…) but really
            // leaves it, and dangles, so a real-path check alone never sees it
            FetchException e = refused(TestArchives.tarGz(t -> t.symlink("d", ".").symlink("d/x", "../victim/new")),
                    Format.TAR_GZ);
            assertTrue(e.getMessage().contains("resolves outside"), e.getMessage());
            FetchException chain = refused(TestArchives.tarGz(t -> t.dir("a/").symlink("l1", "a/l2")
                    .symlink("a/l2", "../../victim/dangling")), Format.TAR_GZ);
            assertTrue(chain.getMessage().contains("symlink"), chain.getMessage());
        }

        @Test
        void stopsAGzipBombAtTheRatioLimit() throws IOException {
            // 128 MiB of zeros compress to ~130 kB: ×1000, above the ×200 limit
            byte[] bomb = TestArchives.tarGz(t -> t.file("zeros.bin", new byte[128 << 20]));
            Path a = tmp.resolve("archive.bin");
            Files.write(a, bomb);
            FetchException e = assertThrows(FetchException.class, () -> SafeExtractor.extract(a, Format.TAR_GZ, target));
            assertTrue(e.getMessage().contains("more than 200 times its own size"), e.getMessage());
            assertTrue(Files.size(target.resolve("zeros.bin")) <= (64L << 20) + (1 << 16), "stopped early");
        }

        @Test
        void stopsAtTheFileCountAndByteLimits() throws IOException {
            Path a = tmp.resolve("archive.bin");
            Files.write(a, TestArchives.tarGz(t -> t.file("a", "1").file("b", "2").file("c", "3")));
            FetchException files = assertThrows(FetchException.class, () -> SafeExtractor.extract(a, Format.TAR_GZ,
                    target, new SafeExtractor.Limits(1 << 20, 2, 200)));
            assertTrue(files.getMessage().contains("more than 2 files"), files.getMessage());
            FetchException bytes = assertThrows(FetchException.class, () -> SafeExtractor.extract(a, Format.TAR_GZ,
                    tmp.resolve("sandbox/out2"), new SafeExtractor.Limits(2, 10, 200)));
            assertTrue(bytes.getMessage().contains("more than 2 bytes"), bytes.getMessage());
        }

        @Test
        void refusesFileWrittenThroughSymlink() throws IOException {
            // the classic: a link to outside, then a file "through" it; the link is refused, the file never lands outside
            Path outside = tmp.resolve("victim");
            Files.createDirectories(outside);
            refused(TestArchives.tarGz(t -> t.symlink("link", outside.toString()).file("link/pwned", "x")), Format.TAR_GZ);
            assertFalse(Files.exists(outside.resolve("pwned")));
        }

        @Test
        void refusesHardlinkOutside() throws IOException {
            refused(TestArchives.tarGz(t -> t.hardlink("h", "../../etc/passwd")), Format.TAR_GZ);
        }

        @Test
        void readsWhatGnuTarWrites() throws Exception {
            org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/bin/tar").canExecute(), "no tar on this host");
            Path src = tmp.resolve("src");
            String deep = "a".repeat(60) + "/" + "b".repeat(60) + "/" + "c".repeat(60) + ".txt";
            Files.createDirectories(src.resolve(deep).getParent());
            Files.writeString(src.resolve(deep), "deep");
            Files.createSymbolicLink(src.resolve("l"), Path.of(deep));
            Path a = tmp.resolve("archive.bin");
            for (String fmt : new String[] {"gnu", "posix"}) {
                Process p = new ProcessBuilder("tar", "--format=" + fmt, "-czf", a.toString(), "-C", src.toString(), ".")
                        .inheritIO().start();
                assertEquals(0, p.waitFor());
                Path t = target.resolve(fmt);
                SafeExtractor.extract(a, SafeExtractor.detect(a), t);
                assertEquals("deep", Files.readString(t.resolve(deep)));
                assertEquals("deep", Files.readString(t.resolve("l")));
            }
            Trees.deleteRecursively(src);
        }

        @Test
        void extractsFinkTransferLayoutAndInTreeLinks() throws IOException {
            byte[] tgz = TestArchives.tarGz(t -> t.dir("d/").file("d/a.txt", "A").symlink("d/l", "a.txt").hardlink("h", "d/a.txt"));
            Path a = tmp.resolve("archive.bin");
            Files.write(a, tgz);
            assertEquals(Format.TAR_GZ, SafeExtractor.detect(a));
            SafeExtractor.extract(a, Format.TAR_GZ, target);
            assertEquals("A", Files.readString(target.resolve("d/l")));
            assertEquals("A", Files.readString(target.resolve("h")));
            assertFalse(Files.isSymbolicLink(target.resolve("h")));
        }
    }

    @Nested
    class Zip {

        @Test
        void refusesTraversal() throws IOException {
            refused(TestArchives.zip("ok.txt", "fine", "../evil", "pwned"), Format.ZIP);
        }

        @Test
        void refusesAbsolutePath() throws IOException {
            refused(TestArchives.zip("/etc/cron.d/evil", "pwned"), Format.ZIP);
        }

        @Test
        void extractsWithoutEverCreatingALink() throws IOException {
            Path a = tmp.resolve("archive.bin");
            Files.write(a, TestArchives.zip("x/a.txt", "A", "x/l", "../../../outside"));
            assertEquals(Format.ZIP, SafeExtractor.detect(a));
            SafeExtractor.extract(a, Format.ZIP, target);
            assertEquals("A", Files.readString(target.resolve("x/a.txt")));
            assertFalse(Files.isSymbolicLink(target.resolve("x/l")));
            assertNothingOutsideTarget();
        }
    }

    @Test
    void zipSymlinksAreRecognisedAndChecked() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(bytes)) {
            var link = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("l");
            link.setUnixMode(0120777);
            zip.putArchiveEntry(link);
            zip.write("../../outside".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        FetchException e = refused(bytes.toByteArray(), Format.ZIP);
        assertTrue(e.getMessage().contains("symlink"), e.getMessage());
    }

    @Test
    void nonArchiveIsAClearError() throws IOException {
        Path a = tmp.resolve("page.html");
        Files.writeString(a, "<html>Login required</html>");
        FetchException e = assertThrows(FetchException.class, () -> SafeExtractor.detect(a));
        assertEquals(Kind.ARCHIVE, e.kind());
        assertEquals("page.html is not a tar.gz, tar, zip or parquet file (starts with '<html>Login requ')", e.getMessage());
    }

    @Test
    void truncatedGzipIsAClearError() throws IOException {
        byte[] tgz = TestArchives.finkTransferTarGz();
        Path a = tmp.resolve("archive.bin");
        Files.write(a, java.util.Arrays.copyOf(tgz, tgz.length / 2));
        FetchException e = assertThrows(FetchException.class, () -> SafeExtractor.extract(a, Format.TAR_GZ, target));
        assertTrue(e.getMessage().startsWith("cannot extract archive.bin (tar.gz): "), e.getMessage());
    }
}
