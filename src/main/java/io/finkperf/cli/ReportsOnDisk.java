package io.finkperf.cli;

import io.finkperf.console.ConsoleProgress;
import io.finkperf.engine.ProfileSession;
import io.finkperf.engine.RunListener;
import io.finkperf.engine.RunRequest;
import io.finkperf.report.ReadinessTable;
import io.finkperf.report.Reports;
import io.finkperf.results.Readiness;
import io.finkperf.results.RunResults;
import io.finkperf.runner.ModuleRunner;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Keeps a run's reports in its folder as it goes (and prints the readiness table first): the cheap formats after every module, every format
 * once the direct pass is over when a Spark pass follows (so the direct report stands if Spark cannot
 * run), and every format at the end.
 */
final class ReportsOnDisk implements RunListener {

    private final Path dir;
    private final boolean sparkFollows;

    ReportsOnDisk(Path dir, boolean sparkFollows) {
        this.dir = dir;
        this.sparkFollows = sparkFollows;
    }

    /** The table of what each module misses, on stderr before anything runs (as {@code check} prints it). */
    @Override
    public void readiness(Readiness readiness) {
        System.err.println(ReadinessTable.text(readiness));
    }

    @Override
    public void resultsSoFar(RunResults soFar) {
        Reports.write(Reports.incremental(), soFar, dir);
    }

    @Override
    public void directPassFinished(RunResults direct) {
        if (sparkFollows) {
            Reports.write(Reports.all(), direct, dir);
        }
    }

    /**
     * The ending {@code profile}, {@code scale} and {@code spark-bench} share: runs {@code request} with progress on the
     * console, keeps the reports here as it goes, then {@link #finish}es. {@code note}, if any, is said first.
     */
    int run(Supplier<ModuleRunner> runner, ConsoleOptions console, RunRequest request, String note) {
        RunResults results;
        try (ConsoleProgress progress = console.progress();
             ProfileSession session = new ProfileSession(runner.get(), progress)) {
            if (note != null) {
                progress.message(note);
            }
            results = session.run(request, this);
        }
        return finish(results);
    }

    /** Writes every format, prints the summary table on stdout and returns the exit code the run deserves. */
    int finish(RunResults results) {
        Reports.write(Reports.all(), results, dir);
        System.out.println(Reports.consoleSummary(results, dir));
        return ExceptionMapper.exitCodeOf(results).code();
    }
}
