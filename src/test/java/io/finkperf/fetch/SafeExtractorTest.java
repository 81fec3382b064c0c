package io.finkperf.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.fetch.FetchException.Kind;
import io.finkperf.fetch.SafeExtractor.Format;
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
            DataFetcher.deleteTree(src);
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
