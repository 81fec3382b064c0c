package io.finkperf.cli;

import com.fasterxml.jackson.core.JacksonException;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A results.json named on the command line: missing or unreadable is usage, not ours is bad data. */
final class ResultsFile {

    private ResultsFile() {
    }

    static RunResults read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new FinkPerfException(ExitCode.USAGE, "no such results file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new FinkPerfException(ExitCode.USAGE, "cannot read results file: " + file);
        }
        try {
            return ResultsJson.read(file);
        } catch (JacksonException e) {
            throw new FinkPerfException(ExitCode.DATA, file + " is not a fink-perf results file: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FinkPerfException(ExitCode.DATA, e.getMessage());
        }
    }
}
