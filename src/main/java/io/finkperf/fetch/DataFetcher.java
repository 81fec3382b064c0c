package io.finkperf.fetch;

import io.finkperf.base.Sha256;
import io.finkperf.fetch.FetchException.Kind;
import io.finkperf.files.Trees;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gets an alert archive into a folder, verified and extracted: from the cache when its sha256 is
 * there, else downloaded to a temporary file that is renamed only once complete and verified (an
 * interrupted download leaves a {@code .part} file that is never taken as done).
 */
public final class DataFetcher {

    /** Where extracted alerts land inside the output folder. */
    public static final String EXTRACTED = "alerts";
    static final String MARKER = ".fink-perf-sha256";
    static final Duration DEFAULT_STALL = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(200);

    private final HttpClient http;
    private final DataCache cache;
    private final PrintStream log;
    private final Duration timeout;
    private final Duration stallTimeout;

    public DataFetcher(DataCache cache, Duration timeout, PrintStream log) {
        this(cache, timeout, DEFAULT_STALL, log);
    }

    DataFetcher(DataCache cache, Duration timeout, Duration stallTimeout, PrintStream log) {
        this.stallTimeout = stallTimeout;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        this.cache = cache;
        this.timeout = timeout;
        this.log = log;
    }

    public FetchResult fetch(String source, String expectedSha256, Path outDir) {
        String expected = Sha256.parse(expectedSha256);
        Path out = outDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(out);
            Blob blob = obtain(source, expected, out);
            if (expected != null && !expected.equals(blob.sha256)) {
                throw new FetchException(Kind.CHECKSUM, "sha256 mismatch for " + source + ": expected " + expected
                        + ", got " + blob.sha256 + "; nothing extracted");
            }
            Path extracted = extract(blob, out);
            Path dataDir = DataLayout.dataFolder(extracted);
            FetchResult r = new FetchResult(source, blob.sha256, expected != null, blob.fromCache, blob.file, dataDir,
                    DataLayout.parquetFiles(extracted).size());
            Files.writeString(out.resolve("fetch.json"), r.toJson(), StandardCharsets.UTF_8);
            return r;
        } catch (IOException e) {
            throw new FetchException(Kind.DOWNLOAD, "cannot write into " + out + ": " + e.getMessage(), e);
        }
    }

    private record Blob(Path file, String sha256, boolean fromCache) {
    }

    private Blob obtain(String source, String expected, Path out) throws IOException {
        URI uri = toUri(source);
        if (uri == null || "file".equals(uri.getScheme())) {
            Path local = uri == null ? Path.of(source) : Path.of(uri);
            if (!Files.isRegularFile(local)) {
                throw new FetchException(Kind.DOWNLOAD, "no such file: " + local);
            }
            log.println("fetch-data: using local file " + local);
            return new Blob(local, Sha256.of(local), false);
        }
        var cached = expected != null ? cache.byChecksum(expected) : cache.byUrl(source);
        if (cached.isPresent()) {
            String actual = Sha256.of(cached.get());
            if (expected == null || expected.equals(actual)) {
                log.println("fetch-data: cached " + cached.get() + (expected == null ? " (last download of this URL)" : ""));
                return new Blob(cached.get(), actual, true);
            }
            log.println("fetch-data: cached copy " + cached.get() + " is corrupt (sha256 " + actual + "), downloading again");
            cache.evict(expected);
        }
        Path file = download(uri, expected, out);
        String sha = Sha256.of(file);
        return new Blob(cache.store(file, sha, source), sha, false);
    }

    private Path download(URI uri, String expected, Path out) throws IOException {
        log.println("fetch-data: downloading " + uri);
        Path part = Files.createTempFile(out, ".fink-perf-download-", ".part");
        try {
            HttpResponse<Path> resp = await(http.sendAsync(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(part)), uri, part);
            long n = Files.size(part);
            if (resp.statusCode() != 200) {
                throw new FetchException(Kind.DOWNLOAD, "cannot download " + uri + ": HTTP " + resp.statusCode());
            }
            OptionalLong length = resp.headers().firstValueAsLong("Content-Length");
            if (length.isPresent() && length.getAsLong() != n) {
                throw new FetchException(Kind.DOWNLOAD, "truncated download of " + uri + ": got " + n + " of "
                        + length.getAsLong() + " bytes");
            }
            String actual = Sha256.of(part);
            if (expected != null && !expected.equals(actual)) {
                throw new FetchException(Kind.CHECKSUM, "sha256 mismatch for " + uri + ": expected " + expected
                        + ", got " + actual + "; nothing extracted");
            }
            log.printf(Locale.ROOT, "fetch-data: %d bytes, sha256 %s%n", n, actual);
            Path done = out.resolve("download-" + actual.substring(0, 16) + ".archive");
            moveAtomically(part, done);
            return done;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * Waits for the body while watching the file grow: HttpClient has no read timeout, and a server
     * that stops sending without closing would otherwise hang the job until the CI kills it.
     */
    private HttpResponse<Path> await(CompletableFuture<HttpResponse<Path>> f, URI uri, Path part) throws IOException {
        long start = System.nanoTime();
        long lastProgress = start;
        long lastSize = 0;
        while (true) {
            try {
                return f.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                long now = System.nanoTime();
                long size = Files.size(part);
                if (size != lastSize) {
                    lastSize = size;
                    lastProgress = now;
                }
                if (now - lastProgress > stallTimeout.toNanos()) {
                    f.cancel(true);
                    throw new FetchException(Kind.DOWNLOAD, "download of " + uri + " stalled: no data for "
                            + stallTimeout.toSeconds() + " s after " + size + " bytes");
                }
                if (now - start > timeout.toNanos()) {
                    f.cancel(true);
                    throw new FetchException(Kind.DOWNLOAD, "download of " + uri + " timed out after "
                            + timeout.toSeconds() + " s (" + size + " bytes received)");
                }
            } catch (InterruptedException e) {
                f.cancel(true);
                Thread.currentThread().interrupt();
                throw new FetchException(Kind.DOWNLOAD, "download of " + uri + " interrupted");
            } catch (ExecutionException e) {
                Throwable c = e.getCause() == null ? e : e.getCause();
                String msg = c.getMessage() == null || c.getMessage().isBlank() ? c.getClass().getSimpleName()
                        : c.getMessage().lines().findFirst().orElse("");
                throw new FetchException(Kind.DOWNLOAD, "download of " + uri + " broke off after " + Files.size(part)
                        + " bytes: " + msg, c);
            }
        }
    }

    /** Extracts into a temporary sibling, then renames: the folder is either absent, stale (other sha) or complete. */
    private Path extract(Blob blob, Path out) throws IOException {
        Path target = out.resolve(EXTRACTED);
        Path marker = target.resolve(MARKER);
        if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(blob.sha256)) {
            log.println("fetch-data: already extracted in " + target);
            return target;
        }
        SafeExtractor.Format format = SafeExtractor.detect(blob.file);
        Path tmp = Files.createTempDirectory(out, ".fink-perf-extract-");
        try {
            long n = SafeExtractor.extract(blob.file, format, tmp);
            Files.writeString(tmp.resolve(MARKER), blob.sha256 + "\n");
            DataLayout.dataFolder(tmp);
            Trees.deleteRecursively(target);
            moveAtomically(tmp, target);
            log.println("fetch-data: extracted " + n + " files into " + target);
            return target;
        } finally {
            Trees.deleteRecursively(tmp);
        }
    }

    static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** An http(s) or file URI; null for a plain local path. */
    static URI toUri(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file:")) {
            try {
                return URI.create(source.replace(" ", "%20"));
            } catch (IllegalArgumentException e) {
                throw new FetchException(Kind.DOWNLOAD, "bad URL '" + source + "': " + e.getMessage());
            }
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
            throw new FetchException(Kind.DOWNLOAD, "unsupported URL scheme in '" + source + "' (http, https, file or a path)");
        }
        return null;
    }
}
