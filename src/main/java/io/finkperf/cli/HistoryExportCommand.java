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

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false)
public final class HistoryExportCommand implements Callable<Integer> {

    @Option(names = "--store", required = true, paramLabel = "DIR") Path store;
    @Option(names = "--format", defaultValue = "data-js") String format;
    @Option(names = {"-o", "--output"}) Path output;
    @Option(names = "--measure", defaultValue = "calibrated") HistoryReportCommand.MeasureOption measure;
    @Option(names = "--repo-url") String repoUrl;
    @Mixin VerboseOption verbose;

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
