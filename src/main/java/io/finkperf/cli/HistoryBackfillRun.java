package io.finkperf.cli;

import io.finkperf.energy.EnergySettings;
import io.finkperf.console.ConsoleProgress;
import io.finkperf.engine.ProfileRequest;
import io.finkperf.engine.ProfileSession;
import io.finkperf.engine.RunListener;
import io.finkperf.engine.RunRequest;
import io.finkperf.history.Backfill;
import io.finkperf.history.Calibrator;
import io.finkperf.history.DataDigest;
import io.finkperf.history.GitCheckout;
import io.finkperf.history.HistoryException;
import io.finkperf.history.HistoryStore;
import io.finkperf.registry.ModuleRegistry;
import io.finkperf.registry.ModuleSpec;
import io.finkperf.report.Reports;
import io.finkperf.results.RunResults;
import io.finkperf.runner.ModuleRunner;
import io.finkperf.runner.local.LocalRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code history append --backfill}: the profile pipeline run on past commits, each appended as it finishes. */
final class HistoryBackfillRun {

    private final HistoryAppendCommand cmd;

    HistoryBackfillRun(HistoryAppendCommand cmd) {
        this.cmd = cmd;
    }

    int call() throws IOException {
        if (cmd.every < 1) {
            throw new FinkPerfException(ExitCode.USAGE, "--every must be >= 1, got " + cmd.every);
        }
        cmd.length.validate();
        if (cmd.workload.scienceDir == null) {
            throw new FinkPerfException(ExitCode.USAGE, "--backfill needs --science-dir, a git checkout of the science code");
        }
        cmd.workload.validate();
        GitCheckout repo = new GitCheckout(cmd.workload.science());
        if (!repo.isRepository()) {
            throw new HistoryException(HistoryException.Kind.GIT, "--science-dir " + repo.dir() + " is not a git checkout");
        }
        List<String> commits = repo.commits(cmd.backfill, cmd.every, cmd.tagsOnly);
        if (commits.isEmpty()) {
            throw new FinkPerfException(ExitCode.USAGE, "no commit to backfill in " + cmd.backfill
                    + (cmd.tagsOnly ? " (no tagged commit)" : ""));
        }
        ModuleRegistry reg = cmd.workload.loadRegistry();
        List<ModuleSpec> modules = cmd.workload.select(reg);
        Path data = cmd.workload.dataPath();
        // no idle energy baseline: a backfill is about speed, and the baseline would double its time
        EnergySettings energy = EnergySettings.defaults().withMaxBaselineS(0);
        HistoryStore store = new HistoryStore(cmd.store);
        cmd.runnerOptions.survey(cmd.workload.survey);
        ModuleRunner runner = cmd.runnerOptions.create();
        try (TempFolder work = TempFolder.create("fink-perf-backfill");
             ConsoleProgress progress = cmd.console.progress();
             ProfileSession session = new ProfileSession(runner, progress)) {
            String python = runner instanceof LocalRunner local ? local.python() : cmd.runnerOptions.python.find();
            Calibrator calibrator = new Calibrator(python, FinkPerfHome.driverDir(), cmd.repeats);
            Backfill.Profiler profiler = (scienceDir, reportDir) -> {
                ProfileRequest req = new ProfileRequest(reg, modules, scienceDir, data, cmd.workload.survey,
                        cmd.workload.nAlerts, cmd.length.warmup, cmd.length.loops, cmd.workload.chunkRows, cmd.length.timeout,
                        !cmd.noLineProfile, reportDir.toAbsolutePath());
                RunResults results = session.run(RunRequest.direct(req, energy), RunListener.NONE);
                Reports.write(Reports.all(), results, reportDir);
                return results;
            };
            List<Backfill.Outcome> done = new Backfill(repo, store, profiler, calibrator::run, DataDigest.of(data),
                    System.err::println).run(commits, work.dir());
            for (Backfill.Outcome o : done) {
                System.out.printf(Locale.ROOT, "history: %-10s %s  %d/%d module(s) measured%n", o.commit().label(),
                        o.commit().shortSha(), o.measured(), o.modules());
            }
            System.out.println("history: " + done.size() + " commit(s) backfilled into " + store.dir());
        }
        return ExitCode.OK.code();
    }
}
