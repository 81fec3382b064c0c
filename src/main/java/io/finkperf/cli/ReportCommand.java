package io.finkperf.cli;

import io.finkperf.report.Reports;
import io.finkperf.results.RunResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false)
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RESULTS.json") Path resultsFile;
    @Option(names = {"-o", "--output"}) Path output;
    @Mixin VerboseOption verbose;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(resultsFile)) {
            throw new FinkPerfException(ExitCode.USAGE, "no such results file: " + resultsFile);
        }
        if (!Files.isReadable(resultsFile)) {
            throw new FinkPerfException(ExitCode.USAGE, "cannot read results file: " + resultsFile);
        }
        RunResults results = ResultsFile.read(resultsFile);
        Path dir = output != null ? output : resultsFile.toAbsolutePath().getParent();
        Reports.write(Reports.all(), results, dir);
        System.out.println(Reports.consoleSummary(results, dir));
        return ExitCode.OK.code();
    }
}
