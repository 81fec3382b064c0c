package io.finkperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.testing.FinkPerfCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --output is checked before anything starts (no Spark, no module): one line, exit 2. */
class OutputFolderTest {

    @TempDir
    Path tmp;

    @Test
    void theFilesystemRootIsRefused() {
        FinkPerfCli.Run r = FinkPerfCli.run("profile", "--output", "/");
        assertEquals(ExitCode.USAGE.code(), r.exitCode(), r.stderr());
        assertEquals("fink-perf: --output /: refusing to write reports into /; name a folder of their own, e.g. --output"
                + " fink-perf-report", r.stderr().strip());
    }

    @Test
    void aFileIsRefused() throws Exception {
        Path file = Files.writeString(tmp.resolve("report.txt"), "x");
        FinkPerfCli.Run r = FinkPerfCli.run("spark-bench", "--output", file.toString());
        assertEquals(ExitCode.USAGE.code(), r.exitCode(), r.stderr());
        assertEquals("fink-perf: --output " + file + " is a file, not a folder", r.stderr().strip());
    }

    @Test
    void aNewFolderIsFine() {
        Path out = tmp.resolve("a/b");
        assertEquals(out, OutputFolder.check(out));
        assertTrue(Files.notExists(out), "checking creates nothing");
    }
}
