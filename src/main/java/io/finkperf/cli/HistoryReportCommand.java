package io.finkperf.cli;

import io.finkperf.history.HistorySite;
import io.finkperf.history.HistoryStore;
import io.finkperf.history.Measure;
import io.finkperf.history.ModuleSeries;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false)
public final class HistoryReportCommand implements Callable<Integer> {

    public enum MeasureOption { calibrated, raw }

    @Option(names = "--store", required = true, paramLabel = "DIR") Path store;
    @Option(names = {"-o", "--output"}, defaultValue = "fink-perf-history") Path output;
    @Option(names = "--measure", defaultValue = "calibrated") MeasureOption measure;
    @Option(names = "--repo-url") String repoUrl;
    @Mixin VerboseOption verbose;

    @Override
    public Integer call() {
        Measure m = measure == MeasureOption.raw ? Measure.RAW : Measure.CALIBRATED;
        List<ModuleSeries> all = new HistorySite(m, repoUrl).write(new HistoryStore(store), output);
        for (ModuleSeries s : all) {
            String steps = s.steps().isEmpty() ? "no step" : String.join(", ", s.steps().stream()
                    .map(c -> String.format(Locale.ROOT, "%+.1f %% at %s", c.step().changePercent(), c.range())).toList());
            System.out.printf(Locale.ROOT, "%-20s %4d commits  latest %12s  %s%n", s.module(), s.points().size(),
                    s.latest() == null ? "-" : String.format(Locale.ROOT, "%.1f", s.latest().value()), steps);
        }
        System.out.println("site: " + output.toAbsolutePath().resolve(HistorySite.INDEX));
        return ExitCode.OK.code();
    }
}
