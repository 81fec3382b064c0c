package io.finkperf.engine;

import io.finkperf.batch.BatchColumnMerger;
import io.finkperf.files.UntrustedFiles;

import io.finkperf.data.AlertData;
import io.finkperf.batch.BatchInfo;
import io.finkperf.data.Survey;
import io.finkperf.energy.EnergyModel;
import io.finkperf.energy.EnergySettings;
import io.finkperf.files.Trees;
import io.finkperf.registry.CallKind;
import io.finkperf.registry.ModuleRegistry;
import io.finkperf.registry.ModuleSpec;
import io.finkperf.results.Environment;
import io.finkperf.results.ModuleError;
import io.finkperf.results.ModuleReadiness;
import io.finkperf.results.Readiness;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.RunConfig;
import io.finkperf.results.RunResults;
import io.finkperf.runner.DriverArg;
import io.finkperf.runner.DriverOutcome;
import io.finkperf.runner.DriverSpec;
import io.finkperf.runner.ModuleRunner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The direct pass of a {@link ProfileSession}: one batch of alerts is written once, then each module runs in its own driver
 * process; a column that a module needs and the data lacks is produced by running the module of
 * the registry that outputs it first, and merged into the batch.
 */
public final class ProfileEngine {

    public static final String TOOL_VERSION = "0.1.0";

    private final ModuleRunner runner;
    private final RunProgress progress;
    private final ResultSink sink;
    private final EnergySettings energy;
    private final boolean offline;
    private final Consumer<Readiness> onReadiness;

    ProfileEngine(ModuleRunner runner, RunProgress progress, ResultSink sink, EnergySettings energy,
                  boolean offline, Consumer<Readiness> onReadiness) {
        this.runner = runner;
        this.progress = progress;
        this.sink = sink;
        this.energy = energy;
        this.offline = offline;
        this.onReadiness = onReadiness;
    }

    RunResults run(ProfileRequest req) {
        String startedAt = Instant.now().toString();
        Path work = req.workDir();
        Path batchDir = work.resolve("batch");
        Trees.deleteOrFail(work);
        runner.checkPackages(List.of("numpy", "pandas"));

        List<ModuleSpec> plan = plan(req);
        Set<String> selected = new HashSet<>();
        req.modules().forEach(m -> selected.add(m.name()));
        Readiness readiness = ReadinessCheck.check(req.registry().source(), plan, req.scienceDir(), runner, offline);
        onReadiness.accept(readiness);

        try (AlertData opened = AlertData.open(req.dataPath(), Survey.parse(req.survey()))) {
            AlertData data = req.sample() == null ? opened : opened.stratified(req.sample());
            Set<String> available = data.availableColumns();
            Map<String, String> unavailable = unavailableColumns(req, plan, available);
            List<String> dataColumns = dataColumns(plan, available);
            progress.message("writing batch: " + dataColumns.size() + " columns from " + req.dataPath()
                    + " (" + data.detectedSchema() + ")");
            BatchInfo batch = data.writeBatch(dataColumns, req.nAlerts(), batchDir, req.chunkRows());
            progress.message(String.format(java.util.Locale.ROOT, "batch ready: %d alerts in %.2f s",
                    batch.nRows(), batch.nanosToWrite() / 1e9));

            Environment env = EnvironmentProbe.probe(req.scienceDir(), req.dataPath(), data.detectedSchema(),
                    req.survey(), pythonFacts(), runner.environment());
            RunConfig config = new RunConfig(req.registry().source(), req.modules().stream().map(ModuleSpec::name).toList(),
                    batch.nRows(), req.warmup(), req.loops(), req.chunkRows(), req.timeout().toSeconds(), runner.name(), "direct");
            RunResults results = new RunResults(RunResults.SCHEMA, TOOL_VERSION, startedAt, null, env, config, List.of());

            Map<String, String> produced = new HashMap<>();
            Map<String, String> failedProducers = new HashMap<>();
            Map<String, ModuleResult> skippedProducers = new HashMap<>();
            int i = 0;
            for (ModuleSpec m : plan) {
                boolean isDependency = !selected.contains(m.name());
                i++;
                progress.moduleStarted(i, plan.size(), m.name(), isDependency ? "run to produce " + m.output() : "start");
                ModuleReadiness ready = readiness.module(m.name()).orElseThrow();
                ModuleResult result = ready.runnable()
                        ? runOne(req, m, isDependency, batchDir, batch.nRows(), available, unavailable, produced,
                                failedProducers, skippedProducers, plan)
                        : ReadinessCheck.resultOf(m, ready, batch.nRows(), Map.of());
                if (result.ok() && produced.containsKey(m.output())) {
                    result = mergeOutput(m, result, work.resolve("outputs").resolve(m.name()), batchDir);
                }
                if (result.status() == ModuleStatus.SKIPPED || result.status() == ModuleStatus.NEEDS_NETWORK) {
                    skippedProducers.put(m.output(), result);
                } else if (!result.ok()) {
                    failedProducers.put(m.output(), m.name());
                }
                progress.moduleFinished(i, plan.size(), m.name(), summary(result));
                if (!isDependency) {
                    if (result.ok()) {
                        result = EnergyModel.attach(result, env.cpuModel(), energy);
                    }
                    results = results.withModule(result);
                    sink.moduleFinished(results, result);
                }
            }
            return results.finished(Instant.now().toString());
        }
    }

    private ModuleResult runOne(ProfileRequest req, ModuleSpec m, boolean isDependency, Path batchDir, long nRows,
                                Set<String> available, Map<String, String> unavailable, Map<String, String> produced,
                                Map<String, String> failedProducers, Map<String, ModuleResult> skippedProducers,
                                List<ModuleSpec> plan) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String col : m.inputColumns()) {
            if (available.contains(col)) {
                inputs.put(col, "data");
            } else if (unavailable.containsKey(col)) {
                return failed(m, nRows, inputs, "missing_column", unavailable.get(col));
            } else if (skippedProducers.containsKey(col)) {
                ModuleResult skipped = skippedProducers.get(col);
                return ModuleResult.builder(m.name(), m.type().label(), m.entry(), m.output())
                        .failed(ModuleStatus.SKIPPED, new ModuleError("input_skipped", null, "module '" + m.name() + "' skipped: its input '" + col
                                + "' comes from module '" + skipped.name() + "', which was not run ("
                                + skipped.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")", null))
                        .nAlerts(nRows).inputs(inputs).build();
            } else if (failedProducers.containsKey(col)) {
                return failed(m, nRows, inputs, "missing_input", "module '" + m.name() + "' input '" + col
                        + "' unavailable: module '" + failedProducers.get(col) + "' that produces it failed");
            } else if (req.registry().producerOf(col).filter(p -> !p.output().equals(col)).isPresent()) {
                ModuleSpec p = req.registry().producerOf(col).orElseThrow();
                return ModuleResult.builder(m.name(), m.type().label(), m.entry(), m.output())
                        .failed(ModuleStatus.SKIPPED, new ModuleError("derived_input", null, "module '" + m.name() + "' skipped: its input '" + col
                                + "' is made by the broker from the output '" + p.output() + "' of module '" + p.name()
                                + "', which fink-perf does not rebuild (give --data that carries '" + col + "')", null))
                        .nAlerts(nRows).inputs(inputs).build();
            } else {
                inputs.put(col, "module:" + req.registry().producerOf(col).map(ModuleSpec::name).orElse("?"));
            }
        }
        if (m.call() == CallKind.DATAFRAME) {
            return ModuleResult.builder(m.name(), m.type().label(), m.entry(), m.output())
                    .failed(ModuleStatus.SKIPPED, new ModuleError("dataframe_entry", null, "module '" + m.name()
                            + "' takes a whole Spark DataFrame (native Spark SQL, needs pyspark): not timed by fink-perf yet", null))
                    .nAlerts(nRows).inputs(inputs).build();
        }
        boolean neededLater = plan.stream().anyMatch(o -> o.inputColumns().contains(m.output()))
                && !available.contains(m.output());
        Path outDir = req.workDir().resolve("outputs").resolve(m.name());
        DriverSpec spec = new DriverSpec(m.name(), m.entry(), req.scienceDir().toAbsolutePath(), batchDir.toAbsolutePath(),
                m.args().stream().map(DriverArg::of).toList(),
                isDependency ? 0 : req.warmup(), isDependency ? 1 : req.loops(), req.lineProfile() && !isDependency,
                req.workDir().resolve("results").resolve(m.name() + ".json").toAbsolutePath(),
                neededLater ? outDir.toAbsolutePath() : null, m.output(), req.timeout(), m.call().label(),
                energy.maxBaselineS());
        DriverOutcome outcome = runner.run(spec, progress);
        if (neededLater && outcome.ok()) {
            produced.put(m.output(), m.name());
        }
        return DriverResultParser.parse(m, outcome, inputs, nRows);
    }

    /** Merges a producer's output column; hostile output files make the producer untrusted, not the run fail. */
    private static ModuleResult mergeOutput(ModuleSpec m, ModuleResult result, Path produced, Path batchDir) {
        try {
            BatchColumnMerger.merge(produced, batchDir, m.output());
            return result;
        } catch (UntrustedFiles.UntrustedFileException e) {
            return failed(m, result.nAlerts(), result.inputs(), ModuleError.UNTRUSTED, "module '" + m.name()
                    + "': results not trusted: its output column cannot be used: " + e.getMessage());
        }
    }

    private static ModuleResult failed(ModuleSpec m, long nRows, Map<String, String> inputs, String kind, String message) {
        return ModuleResult.builder(m.name(), m.type().label(), m.entry(), m.output())
                .failed(ModuleStatus.ERROR, new ModuleError(kind, null, message, null))
                .nAlerts(nRows).inputs(inputs).build();
    }

    /** The selected modules plus the producers of columns they need, in registry order. */
    static List<ModuleSpec> plan(ProfileRequest req) {
        return plan(req.registry(), req.modules());
    }

    /** The selected modules plus the producers of columns they need, in registry order. */
    public static List<ModuleSpec> plan(ModuleRegistry registry, List<ModuleSpec> selected) {
        Set<String> names = new LinkedHashSet<>();
        List<ModuleSpec> todo = new ArrayList<>(selected);
        while (!todo.isEmpty()) {
            ModuleSpec m = todo.remove(0);
            if (!names.add(m.name())) {
                continue;
            }
            for (String col : m.inputColumns()) {
                // a derived column (a split or map item of another output) is not rebuilt: no producer to run
                registry.producerOf(col).filter(p -> !p.name().equals(m.name()) && p.output().equals(col))
                        .ifPresent(todo::add);
            }
        }
        return registry.modules().stream().filter(m -> names.contains(m.name())).toList();
    }

    /**
     * Columns neither in the data nor produced by a module of the plan, with the one-line error
     * each gives. A producer is only used when the data lacks the column (Fink Data Transfer
     * output already carries cdsxmatch, roid…).
     */
    private static Map<String, String> unavailableColumns(ProfileRequest req, List<ModuleSpec> plan, Set<String> available) {
        Map<String, String> out = new HashMap<>();
        for (ModuleSpec m : plan) {
            for (String col : m.inputColumns()) {
                if (available.contains(col) || out.containsKey(col)) {
                    continue;
                }
                Optional<ModuleSpec> producer = req.registry().producerOf(col);
                if (producer.isEmpty()) {
                    out.put(col, "column '" + col + "' needed by module '" + m.name() + "' is not in " + req.dataPath()
                            + " and no module of " + req.registry().source() + " produces it");
                }
            }
        }
        return out;
    }

    private static List<String> dataColumns(List<ModuleSpec> plan, Set<String> available) {
        Set<String> cols = new LinkedHashSet<>();
        for (ModuleSpec m : plan) {
            m.inputColumns().stream().filter(available::contains).forEach(cols::add);
        }
        return new ArrayList<>(cols);
    }

    private Map<String, Object> pythonFacts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        runner.environment().forEach((k, v) -> {
            if (k.startsWith("python") || k.equals("numpy") || k.equals("pandas") || k.equals("line_profiler")
                    || k.equals("pyspark")) {
                facts.put(k, v);
            }
        });
        return facts;
    }

    private static String summary(ModuleResult r) {
        if (r.ok()) {
            return String.format(java.util.Locale.ROOT, "done, %.1f alerts/s/core (mean of %d loops)",
                    r.throughputStats().mean(), r.samplesNs().size());
        }
        return r.status().name().toLowerCase(java.util.Locale.ROOT) + ": " + (r.error() == null ? "" : r.error().message());
    }
}
