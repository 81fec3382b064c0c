package io.finkperf.compare;

import io.finkperf.engine.ProfileEngine;
import io.finkperf.results.ComparisonStart;
import io.finkperf.results.Comparison;
import io.finkperf.results.ComparisonModule;
import io.finkperf.results.ComparisonSamples;
import io.finkperf.results.ComparisonSettings;
import io.finkperf.results.ComparisonSide;
import io.finkperf.results.ComparisonVerdict;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.OutputComparison;
import io.finkperf.results.RatioEstimate;
import io.finkperf.results.RunResults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Two earlier runs ({@code results.json}) compared: unpaired (every loop of one run against every loop
 * of the other), no A/A pass, outputs by hash only. Machine drift between the runs is not cancelled,
 * and the comparison says so ({@code interleaved: false}).
 */
public final class OfflineComparison {

    private OfflineComparison() {
    }

    public static Comparison of(RunResults base, RunResults head, ComparisonSide baseSide, ComparisonSide headSide,
                                Judge judge) {
        Set<String> names = new LinkedHashSet<>();
        base.modules().forEach(m -> names.add(m.name()));
        head.modules().forEach(m -> names.add(m.name()));
        List<ComparisonModule> modules = new ArrayList<>();
        for (String name : names) {
            modules.add(module(name, base.module(name), head.module(name), judge));
        }
        ComparisonSettings settings = new ComparisonSettings(0, 1, 0, 0, 0, judge.threshold(), judge.alpha(),
                judge.confidence(), 0, head.config() == null ? 0 : head.config().nAlerts(),
                head.environment() == null ? null : head.environment().survey(),
                head.environment() == null ? null : head.environment().dataPath(), "results files", "wall");
        return new Comparison(Comparison.SCHEMA, ProfileEngine.TOOL_VERSION, Instant.now().toString(),
                Instant.now().toString(), false, baseSide, headSide, settings, head.environment(), modules);
    }

    static ComparisonModule module(String name, Optional<ModuleResult> base, Optional<ModuleResult> head, Judge judge) {
        ModuleResult any = head.or(() -> base).orElseThrow();
        if (base.isEmpty() || head.isEmpty()) {
            return new ComparisonModule(name, any.type(), base.isEmpty() ? ComparisonVerdict.NEW_MODULE
                    : ComparisonVerdict.REMOVED_MODULE, null, any.nAlerts(), null, null, null, null, null, null, null,
                    null, List.of(), ComparisonSamples.NONE);
        }
        ModuleResult b = base.get();
        ModuleResult h = head.get();
        if (!b.ok() || !h.ok()) {
            ComparisonVerdict v = !b.ok() && !h.ok() ? ComparisonVerdict.FAILED_ON_BOTH
                    : !b.ok() ? ComparisonVerdict.FAILED_ON_BASE : ComparisonVerdict.FAILED_ON_HEAD;
            ModuleResult failed = !h.ok() ? h : b;
            return new ComparisonModule(name, any.type(), v, failed.error() == null ? failed.status().name()
                    : failed.error().message(), any.nAlerts(), null, null, null, null, null, null, null, null,
                    List.of(), ComparisonSamples.NONE);
        }
        RatioEstimate time = judge.unpaired(perAlert(b), perAlert(h));
        boolean sameAlerts = b.nAlerts() == h.nAlerts();
        OutputComparison output = new OutputComparison(!sameAlerts || b.outputHash() == null || h.outputHash() == null
                ? OutputComparison.UNKNOWN : Objects.equals(b.outputHash(), h.outputHash()) ? OutputComparison.SAME
                : OutputComparison.CHANGED, false, h.nAlerts(), -1, 0, 0, List.of(), b.outputHash(), h.outputHash(),
                b.outputDtype(), h.outputDtype(), sameAlerts ? "output hashes compared, not values (results files)"
                : "different alerts (" + b.nAlerts() + " vs " + h.nAlerts() + "): outputs not comparable");
        ComparisonSamples samples = new ComparisonSamples(b.samplesNs(), h.samplesNs(), List.of(), List.of(), List.of(),
                List.of(), 1, false, 1);
        return new ComparisonModule(name, h.type(), judge.verdict(time, null), null, h.nAlerts(), time, null, null,
                time, null, output, coldStart(b), coldStart(h), LineDiff.diff(b.lineProfile(), h.lineProfile()), samples);
    }

    /** Loop times scaled to picoseconds per alert, so runs on different numbers of alerts compare. */
    private static List<Long> perAlert(ModuleResult m) {
        long n = Math.max(1, m.nAlerts());
        return m.samplesNs().stream().map(ns -> ns * 1000 / n).toList();
    }

    private static ComparisonStart coldStart(ModuleResult m) {
        return new ComparisonStart(-1, m.importNs(), m.warmupNs().isEmpty() ? -1 : m.warmupNs().get(0), m.peakRssBytes());
    }
}
