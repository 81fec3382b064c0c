package io.finkperf.cli;

import io.finkperf.files.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A scratch folder of a command, removed with all it holds on close. */
final class TempFolder implements AutoCloseable {

    private final Path dir;

    private TempFolder(Path dir) {
        this.dir = dir;
    }

    static TempFolder create(String prefix) throws IOException {
        return new TempFolder(Files.createTempDirectory(prefix));
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        if (!Trees.deleteQuietly(dir)) {
            System.err.println("fink-perf: could not remove all of " + dir);
        }
    }
}
