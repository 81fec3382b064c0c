package io.finkperf.compare;

import io.finkperf.registry.ModuleSpec;
import io.finkperf.results.ComparisonStart;
import io.finkperf.results.ComparisonModule;
import io.finkperf.results.ComparisonSamples;
import io.finkperf.results.ComparisonVerdict;
import io.finkperf.results.LineChange;
import io.finkperf.results.LineProfile;
import io.finkperf.results.OutputComparison;
import io.finkperf.results.RatioEstimate;
import io.finkperf.runner.DriverArg;
import io.finkperf.runner.DriverSpec;
import io.finkperf.runner.WarmFailure;
import io.finkperf.runner.WarmLauncher;
import io.finkperf.runner.WarmModule;
import java.nio.file.Path;
import java.util.List;

/**
 * One module, base against head, interleaved: three warm processes (base, head, and a second base
 * for the A/A noise floor) on the same batch. A round is {@code calls} turns; in each turn every
 * process makes one call, in an order that changes every turn (see {@link #order}), so a drift of the
 * machine, even within a round, hits all sides alike; a round's value per process is the median of
 * its calls in that round, and rounds pair the processes. Then each side's output is saved and compared, and both are line-profiled.
 */
final class ModuleDuel {

    private final CompareRequest req;
    private final WarmLauncher launcher;
    private final Path batchDir;
    private final List<Object> ids;

    ModuleDuel(CompareRequest req, WarmLauncher launcher, Path batchDir, List<Object> ids) {
        this.req = req;
        this.launcher = launcher;
        this.batchDir = batchDir;
        this.ids = ids;
    }

    /**
     * The module compared; when the A/A pass reaches beyond the threshold, again with fresh processes
     * (another memory layout, another moment of the machine), up to the request's retries. Each
     * attempt is complete in itself (new processes, rounds, A/A pass): the last one is reported.
     */
    ComparisonModule run(ModuleSpec m, long nAlerts) {
        ComparisonModule r = null;
        for (int attempt = 1; attempt <= 1 + req.retriesWhenNoisy(); attempt++) {
            r = runOnce(m, nAlerts, attempt);
            if (r.verdict() != ComparisonVerdict.TOO_NOISY) {
                break;
            }
        }
        return r;
    }

    private ComparisonModule runOnce(ModuleSpec m, long nAlerts, int attempt) {
        boolean inBase = ScienceTree.hasModule(req.baseScience(), m);
        boolean inHead = ScienceTree.hasModule(req.headScience(), m);
        if (!inBase || !inHead) {
            ComparisonVerdict v = !inBase && !inHead ? ComparisonVerdict.FAILED_ON_BOTH
                    : !inBase ? ComparisonVerdict.NEW_MODULE : ComparisonVerdict.REMOVED_MODULE;
            String why = !inBase && !inHead ? m.modulePath() + " is in neither checkout" : null;
            return verdictOnly(m, v, why, nAlerts);
        }
        Path work = req.workDir().resolve("modules").resolve(m.name()).resolve("attempt-" + attempt);
        try (DuelSide base = new DuelSide("base"); DuelSide head = new DuelSide("head");
             DuelSide aa = new DuelSide("base (A/A)")) {
            start(base, m, req.baseScience(), work, "base");
            start(head, m, req.headScience(), work, "head");
            start(aa, m, req.baseScience(), work, "aa");
            for (DuelSide s : List.of(base, head, aa)) {
                for (int i = 0; i < req.warmup(); i++) {
                    s.call(false);
                }
            }
            int calls = callsPerRound(base, head, aa);
            for (int r = 0; r < req.rounds() && base.ok() && head.ok() && aa.ok(); r++) {
                for (int c = 0; c < calls; c++) {
                    for (DuelSide s : order(r * calls + c, base, head, aa)) {
                        s.call(true);
                    }
                }
            }
            aa.close();
            OutputComparison output = null;
            List<LineChange> lines = List.of();
            ComparisonStart baseStart = null;
            ComparisonStart headStart = null;
            if (base.ok() && head.ok()) {
                output = compareOutputs(base, head, work.resolve("outputs"), m, nAlerts);
            }
            if (base.ok() && head.ok() && req.lineProfile()) {
                lines = lineDiff(base, head);
            }
            if (base.ok() && head.ok()) {
                baseStart = coldStart(base);
                headStart = coldStart(head);
            }
            return judged(m, nAlerts, base, head, aa, calls, attempt, output, lines, baseStart, headStart);
        }
    }

    /**
     * The order of turn {@code r}: the six orders in turn, each followed by its reverse, so every
     * process takes every place equally often and base runs before head in half the turns.
     */
    static <T> List<T> order(int r, T base, T head, T aa) {
        List<List<T>> orders = List.of(List.of(base, head, aa), List.of(aa, head, base), List.of(head, aa, base),
                List.of(base, aa, head), List.of(aa, base, head), List.of(head, base, aa));
        return orders.get(r % orders.size());
    }

    /**
     * Enough calls that each side's round lasts {@code minRound}, judged by the slowest side's last
     * warm-up call (its CPU time): a module of 1 ms makes ~100 calls a round, so one call slowed by
     * a neighbour cannot move the round's median.
     */
    private int callsPerRound(DuelSide... sides) {
        long slowest = 0;
        for (DuelSide s : sides) {
            slowest = Math.max(slowest, s.lastWarmupNs);
        }
        long wanted = slowest <= 0 ? 1 : (req.minRound().toNanos() + slowest - 1) / slowest;
        return (int) Math.max(req.callsPerRound(), Math.min(MAX_CALLS_PER_ROUND, wanted));
    }

    static final int MAX_CALLS_PER_ROUND = 1000;

    private void start(DuelSide side, ModuleSpec m, Path science, Path work, String tag) {
        DriverSpec spec = new DriverSpec(m.name(), m.entry(), science.toAbsolutePath(), batchDir.toAbsolutePath(),
                m.args().stream().map(DriverArg::of)
                        .toList(), 0, 1, false, work.resolve(tag + ".result.json").toAbsolutePath(), null, m.output(),
                req.timeout(), m.call().label());
        try {
            side.module = WarmModule.start(launcher, m.name() + "-" + tag, spec, work, req.timeout());
        } catch (WarmFailure e) {
            side.failure = e;
        }
    }

    private OutputComparison compareOutputs(DuelSide base, DuelSide head, Path dir, ModuleSpec m, long nAlerts) {
        try {
            WarmModule.Saved b = base.module.save(dir.resolve("base"), m.output());
            try {
                WarmModule.Saved h = head.module.save(dir.resolve("head"), m.output());
                return OutputDiff.compare(b, h, ids, req.rtol(), nAlerts);
            } catch (WarmFailure e) {
                head.failed(e);
            }
        } catch (WarmFailure e) {
            base.failed(e);
        }
        return null;
    }

    /** Line-profiled passes per side, alternating; each line keeps its fastest pass. */
    static final int LINE_PROFILE_PASSES = 5;

    /**
     * The line profiles of both sides, each the per-line minimum over {@link #LINE_PROFILE_PASSES}
     * passes taken in turn: line_profiler's clock is the wall clock, and the time a neighbour holds
     * the core lands on whichever line was running, so a single pass on a busy machine can make an
     * unchanged loop header look slower than the line that changed.
     */
    private static List<LineChange> lineDiff(DuelSide base, DuelSide head) {
        List<LineProfile> b = new java.util.ArrayList<>();
        List<LineProfile> h = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < LINE_PROFILE_PASSES; i++) {
                b.add(DriverLineProfile.parse(base.module.lineProfile()));
                h.add(DriverLineProfile.parse(head.module.lineProfile()));
            }
        } catch (WarmFailure e) {
            return List.of(); // the timings stand without the line profile
        }
        return LineDiff.diff(DriverLineProfile.fastest(b), DriverLineProfile.fastest(h));
    }

    private static ComparisonStart coldStart(DuelSide s) {
        long rss;
        try {
            rss = s.module.peakRssBytes();
        } catch (WarmFailure e) {
            rss = -1;
        }
        WarmModule.Ready r = s.module.ready();
        return new ComparisonStart(r.startNs(), r.importNs(), s.firstCallNs, rss);
    }

    private ComparisonModule judged(ModuleSpec m, long nAlerts, DuelSide base, DuelSide head, DuelSide aa, int per,
                                    int attempt, OutputComparison output, List<LineChange> lines, ComparisonStart bs, ComparisonStart hs) {
        ComparisonSamples samples = new ComparisonSamples(base.wallNs, head.wallNs, aa.wallNs, base.cpuNs, head.cpuNs,
                aa.cpuNs, per, base.module != null && base.module.cpuFromHost(), attempt);
        boolean baseFailed = !base.ok() || !aa.ok();
        if (baseFailed || !head.ok()) {
            ComparisonVerdict v = baseFailed && !head.ok() ? ComparisonVerdict.FAILED_ON_BOTH
                    : baseFailed ? ComparisonVerdict.FAILED_ON_BASE : ComparisonVerdict.FAILED_ON_HEAD;
            String error = String.join("; ", java.util.stream.Stream.of(head.error(), base.error(), aa.error())
                    .filter(java.util.Objects::nonNull).toList());
            return new ComparisonModule(m.name(), m.type().label(), v, error, nAlerts, null, null, null, null, null,
                    output, bs, hs, lines, samples);
        }
        Judge j = req.judge();
        RatioEstimate wall = j.pairedAgainstBoth(base.wallNs, aa.wallNs, head.wallNs, per);
        RatioEstimate cpu = j.pairedAgainstBoth(base.cpuNs, aa.cpuNs, head.cpuNs, per);
        boolean onCpu = req.metric() == CompareRequest.Metric.cpu;
        RatioEstimate time = onCpu ? cpu : wall;
        RatioEstimate noise = onCpu ? j.paired(base.cpuNs, aa.cpuNs, per) : j.paired(base.wallNs, aa.wallNs, per);
        return new ComparisonModule(m.name(), m.type().label(), j.verdict(time, noise), null, nAlerts, time, noise,
                noise.spread(), wall, cpu, output, bs, hs, lines, samples);
    }

    static ComparisonModule verdictOnly(ModuleSpec m, ComparisonVerdict v, String error, long nAlerts) {
        return new ComparisonModule(m.name(), m.type().label(), v, error, nAlerts, null, null, null, null, null, null,
                null, null, List.of(), ComparisonSamples.NONE);
    }
}
