package io.finkperf.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.base.Sha256;
import io.finkperf.fetch.FetchException.Kind;
import io.finkperf.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class DataFetcherTest {

    @TempDir
    Path tmp;
    Path out;
    Path cacheDir;
    TestHttpServer server;
    byte[] tgz;
    String sha;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        out = tmp.resolve("out");
        cacheDir = tmp.resolve("cache");
        server = new TestHttpServer();
        tgz = TestArchives.finkTransferTarGz();
        Path f = tmp.resolve("ref.tgz");
        Files.write(f, tgz);
        sha = Sha256.of(f);
        Files.delete(f);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private DataFetcher fetcher() {
        return new DataFetcher(DataCache.at(cacheDir), Duration.ofSeconds(30), new PrintStream(log, true));
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** After a failure: no extracted tree, no leftover temp file, nothing in the cache. */
    private void assertNothingKept() throws IOException {
        assertEquals(List.of(), names(out), "left in the output folder");
        assertFalse(Files.exists(cacheDir.resolve("sha256")) && !names(cacheDir.resolve("sha256")).isEmpty(), "cached");
    }

    @Nested
    class Success {

        @Test
        void downloadsVerifiesAndFindsTheFinkTransferFolder() throws IOException {
            FetchResult r = fetcher().fetch(server.serve("/s/box/download", tgz), sha, out);
            assertEquals(sha, r.sha256());
            assertTrue(r.verified());
            assertEquals(out.resolve("alerts/ftransfer_ztf_2024-07-24_50931"), r.dataDir());
            assertEquals(1, r.parquetFiles(), "the .crc and _SUCCESS files are not data");
            assertTrue(Files.readString(out.resolve("fetch.json")).contains("\"sha256\" : \"" + sha + "\""));
            assertEquals(List.of("alerts", "fetch.json"), names(out), "no temp file left, archive moved to the cache");
        }

        @Test
        void secondFetchComesFromTheCache() throws IOException {
            String url = server.serve("/a.tgz", tgz);
            fetcher().fetch(url, sha, out);
            FetchResult again = fetcher().fetch(url, sha, tmp.resolve("out2"));
            assertEquals(1, server.hits());
            assertTrue(again.fromCache());
        }

        @Test
        void unpinnedUrlIsCachedByUrlAndReportsItsChecksum() throws IOException {
            String url = server.serve("/a.tgz", tgz);
            FetchResult first = fetcher().fetch(url, "", out);
            assertFalse(first.verified());
            assertEquals(sha, first.sha256());
            assertTrue(fetcher().fetch(url, null, out).fromCache());
            assertEquals(1, server.hits());
        }

        @Test
        void staleTempFileIsNeverTakenAsDone() throws IOException {
            Files.createDirectories(out);
            Files.write(out.resolve(".fink-perf-download-123.part"), Arrays.copyOf(tgz, 10));
            FetchResult r = fetcher().fetch(server.serve("/a.tgz", tgz), sha, out);
            assertFalse(r.fromCache());
            assertEquals(1, server.hits());
        }

        @Test
        void corruptCacheEntryIsDownloadedAgain() throws IOException {
            Files.createDirectories(cacheDir.resolve("sha256"));
            Files.write(cacheDir.resolve("sha256").resolve(sha), Arrays.copyOf(tgz, 10));
            FetchResult r = fetcher().fetch(server.serve("/a.tgz", tgz), sha, out);
            assertFalse(r.fromCache());
            assertEquals(sha, Sha256.of(cacheDir.resolve("sha256").resolve(sha)));
        }

        @Test
        void acceptsFileUrlsAndPlainPaths() throws IOException {
            Path local = tmp.resolve("my archive.tar.gz");
            Files.write(local, tgz);
            assertEquals(sha, fetcher().fetch(local.toUri().toString(), sha, out).sha256());
            assertEquals(sha, fetcher().fetch(local.toString(), sha, tmp.resolve("o2")).sha256());
            assertEquals(0, server.hits());
        }

        @Test
        void acceptsABareParquetFile() {
            FetchResult r = fetcher().fetch(TestArchives.SAMPLE.toString(), null, out);
            assertEquals(out.resolve("alerts"), r.dataDir());
        }
    }

    @Nested
    class Failure {

        @Test
        void wrongChecksumExtractsNothing() throws IOException {
            String wrong = "0".repeat(64);
            FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(server.serve("/a.tgz", tgz), wrong, out));
            assertEquals(Kind.CHECKSUM, e.kind());
            assertEquals("sha256 mismatch for " + server.url("/a.tgz") + ": expected " + wrong + ", got " + sha
                    + "; nothing extracted", e.getMessage());
            assertNothingKept();
        }

        @Test
        void serverClosingEarlyIsADownloadError() throws IOException {
            try (ClosingEarlyServer early = new ClosingEarlyServer(tgz, tgz.length / 2)) {
                FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(early.url(), null, out));
                assertEquals(Kind.DOWNLOAD, e.kind());
                assertTrue(e.getMessage().startsWith("download of " + early.url() + " broke off after"), e.getMessage());
            }
            assertNothingKept();
        }

        @Test
        void stalledServerIsADownloadErrorNotAHang() throws IOException {
            // the JDK server keeps the connection open after a short body: the client sees a stall
            String url = server.serveTruncated("/a.tgz", Arrays.copyOf(tgz, 100), tgz.length);
            DataFetcher f = new DataFetcher(DataCache.at(cacheDir), Duration.ofSeconds(30), Duration.ofSeconds(1),
                    new PrintStream(log, true));
            FetchException e = assertThrows(FetchException.class, () -> f.fetch(url, null, out));
            assertEquals(Kind.DOWNLOAD, e.kind());
            assertTrue(e.getMessage().contains("stalled: no data for 1 s"), e.getMessage());
            assertNothingKept();
        }

        @Test
        void httpErrorIsADownloadError() throws IOException {
            FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(server.url("/missing"), null, out));
            assertEquals("cannot download " + server.url("/missing") + ": HTTP 404", e.getMessage());
            assertNothingKept();
        }

        @Test
        void traversalArchiveLeavesNothingBehind() throws IOException {
            byte[] evil = TestArchives.tarGz(t -> t.file("ok.parquet", "x").file("../../evil", "pwned"));
            FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(server.serve("/e.tgz", evil), null, out));
            assertEquals(Kind.ARCHIVE, e.kind());
            assertFalse(Files.exists(tmp.resolve("evil")));
            assertFalse(Files.exists(out.resolve("alerts")));
            assertTrue(names(out).stream().noneMatch(n -> n.startsWith(".fink-perf")), names(out).toString());
        }

        @Test
        void archiveWithoutParquetIsRefused() {
            byte[] noData = assertDoesNotThrowBuild();
            FetchException e = assertThrows(FetchException.class, () -> fetcher().fetch(server.serve("/n.tgz", noData), null, out));
            assertTrue(e.getMessage().startsWith("the archive holds no parquet file"), e.getMessage());
            assertFalse(Files.exists(out.resolve("alerts")));
        }

        private byte[] assertDoesNotThrowBuild() {
            try {
                return TestArchives.tarGz(t -> t.file("README", "nothing here"));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        @Test
        void badChecksumSyntaxIsAUsageError() {
            assertThrows(IllegalArgumentException.class, () -> fetcher().fetch("x", "abc", out));
        }
    }

    @Nested
    class Cli {

        private int run(String... args) {
            return Main.commandLine().setErr(new java.io.PrintWriter(new ByteArrayOutputStream())).execute(args);
        }

        @Test
        void exitCodes() throws IOException {
            String url = server.serve("/a.tgz", tgz);
            String cache = cacheDir.toString();
            assertEquals(11, run("fetch-data", url, "--sha256", "f".repeat(64), "--out", out.toString(), "--cache", cache));
            assertEquals(11, run("fetch-data", server.url("/nope"), "--out", out.toString(), "--no-cache"));
            Path html = tmp.resolve("x.html");
            Files.writeString(html, "<html/>");
            assertEquals(3, run("fetch-data", html.toString(), "--out", out.toString()));
            assertEquals(2, run("fetch-data", url, "--sha256", "xyz", "--out", out.toString()));
            assertEquals(0, run("fetch-data", url, "--sha256", sha.toUpperCase(), "--out", out.toString(), "--cache", cache));
        }
    }
}
