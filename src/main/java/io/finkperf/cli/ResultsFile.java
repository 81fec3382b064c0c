package io.finkperf.cli;

import com.fasterxml.jackson.core.JacksonException;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunResults;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a results.json given on the command line: not a results file is bad data (exit 3). */
final class ResultsFile {

    private ResultsFile() {
    }

    static RunResults read(Path file) {
        try {
            return ResultsJson.read(file);
        } catch (JacksonException e) {
            throw new FinkPerfException(ExitCode.DATA, file + " is not a fink-perf results file: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            // ResultsJson.read says so when the JSON is fine but its schema is not ours
            throw new FinkPerfException(ExitCode.DATA, e.getMessage());
        }
    }
}
