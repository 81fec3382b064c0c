package io.finkperf.fetch;

import io.finkperf.base.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Downloaded archives keyed by sha256 ({@code DIR/sha256/<hex>}), plus the sha256 of the last
 * download of each URL ({@code DIR/urls/<sha256 of url>}) so an unpinned URL is not downloaded
 * twice either. Entries appear by atomic rename, so a half-written one is never seen.
 */
public final class DataCache {

    private final Path dir;

    private DataCache(Path dir) {
        this.dir = dir;
    }

    public static DataCache at(Path dir) {
        return new DataCache(dir.toAbsolutePath().normalize());
    }

    public static DataCache disabled() {
        return new DataCache(null);
    }

    /** {@code $XDG_CACHE_HOME/fink-perf/data}, else {@code ~/.cache/fink-perf/data}. */
    public static Path defaultDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("fink-perf").resolve("data");
    }

    public Optional<Path> byChecksum(String sha256) {
        if (dir == null) {
            return Optional.empty();
        }
        Path p = blob(sha256);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    public Optional<Path> byUrl(String url) {
        if (dir == null) {
            return Optional.empty();
        }
        Path index = dir.resolve("urls").resolve(Sha256.of(url));
        try {
            return Files.isRegularFile(index) ? byChecksum(Files.readString(index).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Moves a verified download into the cache and returns where it now is (itself when the cache is off). */
    public Path store(Path file, String sha256, String url) throws IOException {
        if (dir == null) {
            return file;
        }
        Path target = blob(sha256);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".store-", ".part");
        try {
            Files.move(file, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            DataFetcher.moveAtomically(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        Path urls = dir.resolve("urls");
        Files.createDirectories(urls);
        Path idx = Files.createTempFile(urls, ".idx-", ".part");
        Files.writeString(idx, sha256 + "\n");
        DataFetcher.moveAtomically(idx, urls.resolve(Sha256.of(url)));
        return target;
    }

    public void evict(String sha256) {
        if (dir == null) {
            return;
        }
        try {
            Files.deleteIfExists(blob(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove corrupt cache entry " + blob(sha256), e);
        }
    }

    private Path blob(String sha256) {
        return dir.resolve("sha256").resolve(sha256);
    }
}
