package io.finkperf.cli;

import io.finkperf.history.Calibration;
import io.finkperf.history.Calibrator;
import io.finkperf.history.CommitInfo;
import io.finkperf.history.DataDigest;
import io.finkperf.history.GitCheckout;
import io.finkperf.history.HistoryException;
import io.finkperf.history.HistoryRecord;
import io.finkperf.history.HistoryStore;
import io.finkperf.history.RunRecords;
import io.finkperf.results.Environment;
import io.finkperf.results.RunResults;
import io.finkperf.runner.RunnerException;
import io.finkperf.runner.local.PythonLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "append", mixinStandardHelpOptions = true, sortOptions = false)
public final class HistoryAppendCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "RESULTS.json") Path resultsFile;
    @Option(names = "--store", required = true, paramLabel = "DIR") Path store;
    @Option(names = "--commit") String commit;
    @Option(names = "--commit-date") String commitDate;
    @Option(names = "--tag") List<String> tags;
    @Option(names = "--report-url") String reportUrl;
    @Option(names = "--keep-report") boolean keepReport;
    @Option(names = "--calibration-repeats", defaultValue = "11") int repeats;
    @Option(names = "--backfill", paramLabel = "REF1..REF2") String backfill;
    @Option(names = "--every", defaultValue = "1", paramLabel = "K") int every;
    @Option(names = "--tags-only") boolean tagsOnly;
    @Mixin WorkloadOptions workload;
    @Mixin RunnerOptions runnerOptions;
    @Mixin RunLengthOptions length;
    @Option(names = "--no-line-profile", negatable = false) boolean noLineProfile;
    @Mixin ConsoleOptions console;

    @Override
    public Integer call() throws IOException {
        if (repeats < 1) {
            throw new FinkPerfException(ExitCode.USAGE, "--calibration-repeats must be >= 1, got " + repeats);
        }
        if (backfill != null) {
            if (resultsFile != null) {
                throw new FinkPerfException(ExitCode.USAGE, "give either RESULTS.json or --backfill, not both");
            }
            return new HistoryBackfillRun(this).call();
        }
        if (resultsFile == null) {
            throw new FinkPerfException(ExitCode.USAGE, "missing RESULTS.json (or --backfill REF1..REF2)");
        }
        if (!Files.isRegularFile(resultsFile) || !Files.isReadable(resultsFile)) {
            throw new FinkPerfException(ExitCode.USAGE, "no such results file, or unreadable: " + resultsFile);
        }
        RunResults results = ResultsFile.read(resultsFile);
        Environment env = results.environment();
        HistoryStore history = new HistoryStore(store);
        CommitInfo commitInfo = commitInfo(env);
        Path data = env == null || env.dataPath() == null ? null : Path.of(env.dataPath());
        String dataSha = data == null ? null : DataDigest.of(data);
        Calibration calibration = new Calibrator(calibrationPython(env), FinkPerfHome.driverDir(), repeats).run();
        String runId = HistoryStore.newRunId(results.startedAt(), commitInfo.sha());
        String link = reportUrl;
        if (keepReport) {
            Path html = resultsFile.toAbsolutePath().getParent().resolve("index.html");
            if (!Files.isRegularFile(html)) {
                throw new FinkPerfException(ExitCode.USAGE, "--keep-report: no index.html next to " + resultsFile);
            }
            link = history.keepReport(runId, html);
        }
        List<HistoryRecord> records = RunRecords.of(results, runId, commitInfo, dataSha, calibration, link);
        Path file = history.append(records);
        System.out.printf(java.util.Locale.ROOT, "history: %d module(s) of commit %s appended to %s (calibration %.4f s with %s)%n",
                records.size(), commitInfo.shortSha(), file, calibration.seconds(), calibration.executable());
        return ExitCode.OK.code();
    }

    private CommitInfo commitInfo(Environment env) {
        Path dir = workload.scienceDir != null ? workload.scienceDir
                : env != null && env.scienceDir() != null ? Path.of(env.scienceDir()) : null;
        String describe = env == null ? null : env.scienceRef();
        CommitInfo found = null;
        if (dir != null && Files.isDirectory(dir)) {
            GitCheckout git = new GitCheckout(dir);
            if (git.isRepository()) {
                try {
                    found = git.commit(commit != null ? commit : "HEAD", describe);
                } catch (HistoryException e) {
                    if (commit == null) {
                        throw e;
                    }
                    // --commit names a commit this checkout does not have (a shallow CI clone): taken as given
                }
            }
        }
        if (found == null) {
            found = new CommitInfo(commit != null ? commit : "unknown", null, describe, null, List.of());
        }
        return new CommitInfo(found.sha(), commitDate != null ? commitDate : found.date(), found.ref(), found.subject(),
                tags != null ? new ArrayList<>(tags) : found.tags());
    }

    /** The Python the profile ran (recorded in results.json) when it still runs here, else --python / the usual search. */
    private String calibrationPython(Environment env) {
        String requested = runnerOptions.python.python;
        if ((requested == null || requested.isBlank()) && env != null && env.runner().get("python_executable") != null) {
            try {
                return PythonLocator.find(env.runner().get("python_executable").toString());
            } catch (RunnerException e) {
                // the run's Python is not on this machine: fall back to the usual search
            }
        }
        return runnerOptions.python.find();
    }
}
