package io.finkperf.cli;

import com.fasterxml.jackson.core.JacksonException;
import io.finkperf.report.ReportWriter;
import io.finkperf.report.Reports;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-render every report format from a results file, without running any module:",
                "results.json, line_profile_<module>.txt/.png, throughput.png, summary.md, index.html."},
        footer = {"", "Exit codes: 0 ok, 2 the results file is missing or unreadable (usage),",
                "3 the file is not a fink-perf results file (bad data), 1 internal error."})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RESULTS.json", description = "A results.json written by 'fink-perf profile'.")
    Path resultsFile;

    @Option(names = {"-o", "--output"}, description = "Report folder (default: the results file's folder).")
    Path output;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(resultsFile)) {
            throw new FinkPerfException(ExitCode.USAGE, "no such results file: " + resultsFile);
        }
        if (!Files.isReadable(resultsFile)) {
            throw new FinkPerfException(ExitCode.USAGE, "cannot read results file: " + resultsFile);
        }
        RunResults results = read(resultsFile);
        Path dir = output != null ? output : resultsFile.toAbsolutePath().getParent();
        for (ReportWriter w : Reports.all()) {
            try {
                w.write(results, dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write report into " + dir, e);
            }
        }
        System.out.println(Reports.consoleSummary(results, dir));
        return ExitCode.OK.code();
    }

    private static RunResults read(Path file) {
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
