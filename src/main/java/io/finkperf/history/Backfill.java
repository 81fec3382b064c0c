package io.finkperf.history;

import io.finkperf.files.Trees;
import io.finkperf.results.RunResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Profiles past commits of a science checkout into the store: for each commit, a throw-away
 * detached worktree (git hooks disabled), one profiling run, the calibration, one append. Each
 * commit's records are in the store as soon as it is done, so an interrupted backfill keeps them.
 */
public final class Backfill {

    /** One profiling run of the science code in {@code scienceDir}, reports written into {@code reportDir}. */
    @FunctionalInterface
    public interface Profiler {
        RunResults profile(Path scienceDir, Path reportDir);
    }

    /** What became of one commit. */
    public record Outcome(CommitInfo commit, String runId, int modules, int measured) {
    }

    private final GitCheckout repo;
    private final HistoryStore store;
    private final Profiler profiler;
    private final Supplier<Calibration> calibration;
    private final String dataSha256;
    private final Consumer<String> progress;

    public Backfill(GitCheckout repo, HistoryStore store, Profiler profiler, Supplier<Calibration> calibration,
                    String dataSha256, Consumer<String> progress) {
        this.repo = repo;
        this.store = store;
        this.profiler = profiler;
        this.calibration = calibration;
        this.dataSha256 = dataSha256;
        this.progress = progress;
    }

    public List<Outcome> run(List<String> commits, Path work) {
        repo.pruneWorktrees();
        List<Outcome> done = new ArrayList<>();
        int i = 0;
        for (String sha : commits) {
            i++;
            CommitInfo info = repo.commit(sha, null);
            progress.accept(String.format("backfill [%d/%d] %s %s", i, commits.size(), info.label(), info.subject()));
            Path wt = repo.addWorktree(work, sha);
            try {
                String describe = repo.describe(wt);
                CommitInfo commit = new CommitInfo(info.sha(), info.date(), describe, info.subject(), info.tags());
                Path reportDir = work.resolve("report-" + info.shortSha());
                RunResults results = profiler.profile(wt, reportDir);
                Calibration c = calibration.get();
                String runId = HistoryStore.newRunId(results.startedAt(), info.sha());
                Path html = reportDir.resolve("index.html");
                String link = Files.isRegularFile(html) ? store.keepReport(runId, html) : null;
                List<HistoryRecord> records = RunRecords.of(results, runId, commit, dataSha256, c, link);
                store.append(records);
                done.add(new Outcome(commit, runId, records.size(), (int) records.stream().filter(HistoryRecord::measured).count()));
                Trees.deleteOrFail(reportDir);
            } finally {
                repo.removeWorktree(wt);
            }
        }
        return done;
    }
}
