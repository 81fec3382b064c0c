package io.finkperf.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a report folder ({@code --output}) before anything runs: not the filesystem root or the
 * home folder (reports would be written, and work folders cleaned, in there), not an existing file.
 */
final class OutputFolder {

    private OutputFolder() {
    }

    static Path check(Path output) {
        Path abs = output.toAbsolutePath().normalize();
        Path real = abs;
        try {
            if (Files.exists(abs)) {
                real = abs.toRealPath();
            }
        } catch (IOException e) {
            throw new FinkPerfException(ExitCode.USAGE, "--output " + output + ": " + e.getMessage());
        }
        String home = System.getProperty("user.home");
        if (real.getParent() == null || (home != null && real.equals(Path.of(home).toAbsolutePath().normalize()))) {
            throw new FinkPerfException(ExitCode.USAGE, "--output " + output + ": refusing to write reports into "
                    + real + "; name a folder of their own, e.g. --output fink-perf-report");
        }
        if (Files.exists(real) && !Files.isDirectory(real)) {
            throw new FinkPerfException(ExitCode.USAGE, "--output " + output + " is a file, not a folder");
        }
        return abs;
    }
}
