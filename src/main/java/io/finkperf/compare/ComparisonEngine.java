package io.finkperf.compare;

import io.finkperf.batch.BatchColumnMerger;
import io.finkperf.batch.BatchColumnValues;
import io.finkperf.batch.BatchInfo;
import io.finkperf.data.AlertData;
import io.finkperf.data.Survey;
import io.finkperf.engine.EnvironmentProbe;
import io.finkperf.engine.ProfileEngine;
import io.finkperf.engine.RunProgress;
import io.finkperf.files.Trees;
import io.finkperf.registry.CallKind;
import io.finkperf.registry.ModuleSpec;
import io.finkperf.results.Comparison;
import io.finkperf.results.ComparisonModule;
import io.finkperf.results.ComparisonSettings;
import io.finkperf.results.ComparisonVerdict;
import io.finkperf.results.Environment;
import io.finkperf.runner.DriverArg;
import io.finkperf.runner.DriverSpec;
import io.finkperf.runner.WarmFailure;
import io.finkperf.runner.WarmLauncher;
import io.finkperf.runner.WarmModule;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Compares base and head on one batch of alerts, written once. A column some module needs and the
 * data lacks is produced once, by the base version of the module that outputs it, so both sides of
 * every comparison read exactly the same input. Each finished module goes to {@code sink} at once.
 */
public final class ComparisonEngine {

    /** Id columns tried, in order, to name the alerts of the output diff's examples. */
    static final List<String> ID_COLUMNS = List.of("objectId", "diaSource.diaObjectId", "diaObject.diaObjectId");

    private final WarmLauncher launcher;
    private final RunProgress progress;
    private final Consumer<Comparison> sink;
    private final Map<String, Object> runnerEnvironment;

    public ComparisonEngine(WarmLauncher launcher, Map<String, Object> runnerEnvironment, RunProgress progress,
                            Consumer<Comparison> sink) {
        this.launcher = launcher;
        this.runnerEnvironment = runnerEnvironment;
        this.progress = progress;
        this.sink = sink;
    }

    public Comparison run(CompareRequest req) {
        String startedAt = Instant.now().toString();
        Trees.deleteQuietly(req.workDir()); // best effort: a file a container's user left may stay
        Path batchDir = req.workDir().resolve("batch");
        List<ModuleSpec> plan = plan(req);
        try (AlertData data = AlertData.open(req.dataPath(), Survey.parse(req.survey()))) {
            Set<String> available = data.availableColumns();
            Set<String> columns = new LinkedHashSet<>();
            plan.forEach(m -> m.inputColumns().stream().filter(available::contains).forEach(columns::add));
            String idColumn = ID_COLUMNS.stream().filter(available::contains).findFirst().orElse(null);
            if (idColumn != null) {
                columns.add(idColumn);
            }
            progress.message("writing batch: " + columns.size() + " columns from " + req.dataPath());
            BatchInfo batch = data.writeBatch(new ArrayList<>(columns), req.nAlerts(), batchDir, req.chunkRows());
            progress.message(String.format(Locale.ROOT, "batch ready: %d alerts", batch.nRows()));
            List<Object> ids = idColumn == null ? null : BatchColumnValues.read(batchDir, idColumn).orElse(null);

            Environment env = EnvironmentProbe.probe(req.headScience(), req.dataPath(), data.detectedSchema(),
                    req.survey(), Map.of(), runnerEnvironment);
            ComparisonSettings settings = new ComparisonSettings(req.rounds(), req.callsPerRound(),
                    req.minRound().toNanos(), req.warmup(), req.retriesWhenNoisy(),
                    req.judge().threshold(), req.judge().alpha(), req.judge().confidence(), req.rtol(), batch.nRows(),
                    req.survey(), req.dataPath().toString(), launcher.name(), req.metric().name());
            Comparison comparison = new Comparison(Comparison.SCHEMA, ProfileEngine.TOOL_VERSION, startedAt, null, true,
                    req.base(), req.head(), settings, env, List.of());

            Map<String, String> missing = produceMissingColumns(req, plan, available, batchDir);
            ModuleDuel duel = new ModuleDuel(req, launcher, batchDir, ids);
            int i = 0;
            for (ModuleSpec m : req.modules()) {
                progress.moduleStarted(++i, req.modules().size(), m.name(), "base against head, " + req.rounds()
                        + " rounds");
                ComparisonModule result = compareOne(duel, m, missing, batch.nRows());
                progress.moduleFinished(i, req.modules().size(), m.name(), describe(result));
                comparison = comparison.withModule(result);
                sink.accept(comparison);
            }
            return comparison.finished(Instant.now().toString());
        }
    }

    /**
     * One module compared on a batch already written (and holding every column it reads): what
     * {@code bench-compare} repeats many times on one batch.
     */
    public ComparisonModule compareOnBatch(CompareRequest req, ModuleSpec m, Path batchDir, long nAlerts) {
        return new ModuleDuel(req, launcher, batchDir, null).run(m, nAlerts);
    }

    private static ComparisonModule compareOne(ModuleDuel duel, ModuleSpec m, Map<String, String> missing, long nAlerts) {
        if (m.call() == CallKind.DATAFRAME) {
            return ModuleDuel.verdictOnly(m, ComparisonVerdict.SKIPPED, "takes a whole Spark DataFrame: not timed by "
                    + "fink-perf yet", nAlerts);
        }
        for (String col : m.inputColumns()) {
            if (missing.containsKey(col)) {
                return ModuleDuel.verdictOnly(m, ComparisonVerdict.FAILED_ON_BOTH, missing.get(col), nAlerts);
            }
        }
        return duel.run(m, nAlerts);
    }

    /** Runs the base producer of each column the data lacks; returns the columns still missing, with why. */
    private Map<String, String> produceMissingColumns(CompareRequest req, List<ModuleSpec> plan, Set<String> available,
                                                      Path batchDir) {
        Map<String, String> missing = new HashMap<>();
        Set<String> produced = new java.util.HashSet<>();
        for (ModuleSpec m : plan) {
            for (String col : m.inputColumns()) {
                if (available.contains(col) || missing.containsKey(col) || produced.contains(col)) {
                    continue;
                }
                var producer = req.registry().producerOf(col);
                if (producer.isEmpty()) {
                    missing.put(col, "column '" + col + "' needed by '" + m.name() + "' is not in " + req.dataPath()
                            + " and no module produces it");
                    continue;
                }
                if (!producer.get().output().equals(col)) {
                    missing.put(col, "column '" + col + "' needed by '" + m.name() + "' is made by the broker from the"
                            + " output '" + producer.get().output() + "' of module '" + producer.get().name()
                            + "', which fink-perf does not rebuild (give --data that carries '" + col + "')");
                    continue;
                }
                progress.message("producing '" + col + "' with base's " + producer.get().name());
                String error = produce(req, producer.get(), batchDir);
                if (error == null) {
                    produced.add(col);
                } else {
                    missing.put(col, "input '" + col + "' unavailable: base's " + producer.get().name() + " failed: " + error);
                }
            }
        }
        return missing;
    }

    private String produce(CompareRequest req, ModuleSpec p, Path batchDir) {
        Path work = req.workDir().resolve("producers").resolve(p.name());
        DriverSpec spec = new DriverSpec(p.name(), p.entry(), req.baseScience().toAbsolutePath(), batchDir.toAbsolutePath(),
                p.args().stream().map(DriverArg::of)
                        .toList(), 0, 1, false, work.resolve("result.json").toAbsolutePath(), null, p.output(),
                req.timeout(), p.call().label());
        try (WarmModule w = WarmModule.start(launcher, p.name() + "-producer", spec, work, req.timeout())) {
            WarmModule.Saved saved = w.save(work.resolve("output"), p.output());
            if (saved.dir() == null) {
                return "its output cannot be saved as a column: " + saved.saveError();
            }
            BatchColumnMerger.merge(saved.dir(), batchDir, p.output());
            return null;
        } catch (WarmFailure e) {
            return e.kind() + ": " + e.getMessage();
        }
    }

    /** The selected modules plus the producers of columns they need, in registry order (as {@code profile} plans). */
    static List<ModuleSpec> plan(CompareRequest req) {
        return ProfileEngine.plan(req.registry(), req.modules());
    }

    static String describe(ComparisonModule r) {
        if (r.time() == null) {
            return r.verdict().label() + (r.error() == null ? "" : ": " + r.error());
        }
        return String.format(Locale.ROOT, "%s: head/base %.3f [%.3f, %.3f], p %.2g, noise ±%.1f %%; output %s",
                r.verdict().label(), r.time().ratio(), r.time().low(), r.time().high(), r.time().pValue(),
                100 * r.noiseFloor(), r.output() == null ? "?" : r.output().verdict());
    }
}
