package io.finkperf.cli;

import io.finkperf.history.BenchmarkExport;
import io.finkperf.history.HistoryStore;
import io.finkperf.history.Measure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export a history store for github-action-benchmark dashboards.",
                "Tool customBiggerIsBetter, in two formats:",
                "data-js: every run as the data.js its gh-pages dashboard loads;",
                "bench-input: the latest run as the JSON file its action takes (output-file-path)."},
        footer = {"", "Exit codes: 0 ok, 2 usage, 21 store missing or unreadable, 1 internal error."})
public final class HistoryExportCommand implements Callable<Integer> {

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "The history store.")
    Path store;

    @Option(names = "--format", defaultValue = "data-js", description = "data-js or bench-input (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, description = "File to write (default: standard output).")
    Path output;

    @Option(names = "--measure", defaultValue = "calibrated", description = "calibrated or raw (default: ${DEFAULT-VALUE}).")
    HistoryReportCommand.MeasureOption measure;

    @Option(names = "--repo-url", description = "The science repository's web address (commit links in data.js).")
    String repoUrl;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        if (!format.equals("data-js") && !format.equals("bench-input")) {
            throw new FinkPerfException(ExitCode.USAGE, "--format must be data-js or bench-input, got '" + format + "'");
        }
        var records = new HistoryStore(store).readAll();
        Measure m = measure == HistoryReportCommand.MeasureOption.raw ? Measure.RAW : Measure.CALIBRATED;
        String text = format.equals("data-js") ? BenchmarkExport.dataJs(records, m, repoUrl, Instant.now())
                : BenchmarkExport.benchInput(records, m);
        if (output == null) {
            System.out.print(text);
        } else {
            try {
                Path parent = output.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + output, e);
            }
            System.err.println("history: exported " + records.size() + " record(s) to " + output);
        }
        return ExitCode.OK.code();
    }
}
