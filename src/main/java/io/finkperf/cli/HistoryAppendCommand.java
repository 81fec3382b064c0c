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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "append", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Add a run to a history store (or, with --backfill, profile past commits into it).",
                "One record per module: science commit and date, fink-perf version, data sha256, machine fingerprint,",
                "and a calibration timed now with the run's Python. --backfill REF1..REF2 profiles the commits of the",
                "--science-dir git checkout instead, each in a throw-away worktree."},
        footer = {"", "Run it right after 'profile', on the same machine: the calibration must see the same CPU.",
                "Exit codes: 0 ok, 2 usage, 3 bad results file, 8 calibration could not run, 21 store or git unusable."})
public final class HistoryAppendCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "RESULTS.json", description = "A results.json written by 'fink-perf profile'.")
    Path resultsFile;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "The history store (created if missing).")
    Path store;

    @Option(names = "--commit", description = "Science commit of the run (default: HEAD of the run's science dir, if a git checkout).")
    String commit;

    @Option(names = "--commit-date", description = "Its date, ISO-8601 (default: the commit's committer date).")
    String commitDate;

    @Option(names = "--tag", description = "A release tag of the commit (repeatable; default: git's tags at the commit).")
    List<String> tags;

    @Option(names = "--report-url", description = "Where the run's report lives (e.g. the CI run's URL), linked from the site.")
    String reportUrl;

    @Option(names = "--keep-report", description = "Copy the run's self-contained index.html into the store (~250 kB per run).")
    boolean keepReport;

    @Option(names = "--calibration-repeats", defaultValue = "11", description = "Repeats of each calibration part (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--backfill", paramLabel = "REF1..REF2",
            description = "Profile the commits of this range of the --science-dir checkout (as git log REF1..REF2, first parents).")
    String backfill;

    @Option(names = "--every", defaultValue = "1", paramLabel = "K", description = "Backfill every K-th commit, the newest always (default: ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--tags-only", description = "Backfill only the tagged commits of the range.")
    boolean tagsOnly;

    @Mixin
    WorkloadOptions workload;

    @Mixin
    RunnerOptions runnerOptions;

    @Mixin
    RunLengthOptions length;

    @Option(names = "--no-line-profile", negatable = false, description = "Backfill: skip the line_profiler pass.")
    boolean noLineProfile;

    @Mixin
    ConsoleOptions console;

    @Override
    public Integer call() {
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
