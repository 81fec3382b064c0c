package io.finkperf.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.finkperf.batch.BatchRows;
import io.finkperf.spark.CachedAlerts;
import io.finkperf.spark.LoopMeasurement;
import io.finkperf.spark.PartitionBatchWriter;
import io.finkperf.spark.PartitionOutcome;
import io.finkperf.spark.SparkBenchCluster;
import io.finkperf.spark.WorkerConfig;
import io.finkperf.registry.ModuleArg;
import io.finkperf.registry.ModuleSpec;
import io.finkperf.results.ModuleError;
import io.finkperf.runner.ModuleOutput;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.SparkFailure;
import io.finkperf.results.SparkModeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs modules the way the broker does, inside Spark: the alerts of the direct-mode batch are cut
 * into one ordered partition per core and cached; each loop is one job whose tasks write their
 * partition as a batch and run the Python worker on it. Results are direct mode's module results
 * re-measured: {@code samplesNs} hold wall time × cores used per loop (so {@code throughputStats}
 * stays alerts/s/core), {@code extra.spark} holds the raw loops, the decomposition and the
 * comparison with direct mode.
 */
public final class SparkBench {

    /** Parts must explain the measured wall time within this fraction. */
    public static final double TOLERANCE = 0.10;
    /** The direct pass's error kind for results that disagree with what fink-perf observed (exit 23). */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SparkBenchRequest req;
    private final Consumer<String> progress;

    public SparkBench(SparkBenchRequest req, Consumer<String> progress) {
        this.req = req;
        this.progress = progress;
    }

    /**
     * Spark results for the modules of the request, in order; {@code direct} by module name.
     * {@code afterEach} gets the results so far after every module.
     */
    public List<ModuleResult> run(Map<String, ModuleResult> direct, Consumer<List<ModuleResult>> afterEach) {
        BatchRows batch = BatchRows.read(req.batchDir());
        int executors = req.totalMemoryGb() > 0 ? (int) Math.floor(req.totalMemoryGb() / req.gbPerExecutor() + 1e-9) : 0;
        try (SparkBenchCluster cluster = new SparkBenchCluster(req.master(), executors, req.coresPerExecutor(),
                req.gbPerExecutor(), req.conf())) {
            ExecutorPlan plan = ExecutorPlan.of(req.totalMemoryGb(), req.gbPerExecutor(), req.coresPerExecutor(),
                    cluster.coresAvailable());
            String driverDir = req.ship() ? cluster.ship(req.driverDir(), "fink-perf-driver")
                    : req.driverDir().toAbsolutePath().toString();
            String scienceDir = req.ship() ? cluster.ship(req.scienceDir(), "fink-perf-science")
                    : req.scienceDir().toAbsolutePath().toString();
            progress.accept(String.format(java.util.Locale.ROOT,
                    "spark %s: %d partitions of %d alerts on %d cores (planned %d)", req.master(), plan.partitions(),
                    batch.rows().size(), plan.coresUsed(), plan.plannedCores()));
            try (CachedAlerts alerts = cluster.load(batch, plan.partitions())) {
                return runAll(cluster, alerts, batch, plan, direct, afterEach, driverDir, scienceDir);
            }
        }
    }

    private List<ModuleResult> runAll(SparkBenchCluster cluster, CachedAlerts alerts, BatchRows batch, ExecutorPlan plan,
                                      Map<String, ModuleResult> direct, Consumer<List<ModuleResult>> afterEach,
                                      String driverDir, String scienceDir) {
        List<ModuleResult> out = new ArrayList<>();
        for (ModuleSpec m : req.modules()) {
            ModuleResult d = direct.get(m.name());
            if (d == null || !d.ok()) {
                out.add(d == null ? missing(m) : d);
                afterEach.accept(List.copyOf(out));
                continue;
            }
            try {
                out.add(runModule(cluster, alerts, batch, plan, m, d, driverDir, scienceDir));
            } finally {
                ExecutorWorkerPool.close(); // local mode: this JVM's executor workers; a cluster's end with the app
            }
            afterEach.accept(List.copyOf(out));
        }
        return out;
    }

    private ModuleResult runModule(SparkBenchCluster cluster, CachedAlerts alerts, BatchRows batch, ExecutorPlan plan,
                                   ModuleSpec m, ModuleResult direct, String driverDir, String scienceDir) {
        CachedAlerts.Selection input = alerts.select(m.inputColumns());
        WorkerConfig config = new WorkerConfig(req.python(), driverDir, scienceDir, req.ship(), m.name(), m.entry(),
                m.call().label(), argsJson(m.args()),
                new PartitionBatchWriter(input.columns(), req.chunkRows(), batch.survey(), batch.source()),
                req.tmpDir() == null ? null : req.tmpDir().toAbsolutePath().toString(), req.timeout().toSeconds(),
                req.reuseWorkers(), req.container());
        List<Long> warmupNs = new ArrayList<>();
        for (int i = 0; i < req.warmup(); i++) {
            LoopMeasurement l = cluster.run(input, config);
            if (!l.ok()) {
                return failed(direct, l);
            }
            warmupNs.add(l.totalNs() * plan.coresUsed());
            progress.accept(String.format(java.util.Locale.ROOT, "%s: spark warmup %d/%d %.3f s", m.name(), i + 1,
                    req.warmup(), l.totalNs() / 1e9));
        }
        List<LoopMeasurement> loops = new ArrayList<>();
        for (int i = 0; i < req.loops(); i++) {
            LoopMeasurement l = cluster.run(input, config);
            if (!l.ok()) {
                return failed(direct, l);
            }
            loops.add(l);
            progress.accept(String.format(java.util.Locale.ROOT, "%s: spark loop %d/%d %.3f s", m.name(), i + 1,
                    req.loops(), l.totalNs() / 1e9));
        }
        WorkerTimingCheck.Verdict check = WorkerTimingCheck.of(loops.stream().flatMap(l -> l.partitions().stream()).toList());
        if (!check.trusted()) {
            progress.accept(m.name() + ": spark timings not trusted: " + check.summary().firstDisagreement());
            return untrusted(direct, check);
        }
        OverheadDecomposition.Result dec = OverheadDecomposition.of(loops, plan.coresUsed());
        SparkModeResult spark = SparkModeResults.of(req, plan, direct, loops, dec, check.summary());
        // Line profile, peak RSS and energy stay those of the direct pass: the module's own code, on one core.
        return direct.toBuilder()
                .nAlerts(loops.get(0).nRows())
                .nChunks(loops.get(0).partitions().size())
                .loops(warmupNs, loops.stream().map(l -> l.totalNs() * plan.coresUsed()).toList())
                .cpuSeconds(0, 0)
                .output(loops.get(0).outputHash(), loops.get(0).partitions().get(0).outputDtype())
                .spark(spark)
                .build();
    }

    /** Errors come from the module's result file or its output: shown sanitised. */
    private static ModuleResult failed(ModuleResult direct, LoopMeasurement l) {
        boolean hostile = l.partitions().stream().anyMatch(PartitionOutcome::untrusted);
        return sparkFailure(direct, hostile ? ModuleError.UNTRUSTED : "spark_worker",
                ModuleOutput.sanitize("module '" + direct.name() + "' failed in Spark mode: " + l.firstError()),
                l.partitions().stream().filter(p -> !p.ok()).map(p -> ModuleOutput.sanitize(String.valueOf(p.error()))).toList());
    }

    /**
     * The workers' reports do not fit what the executors observed: no Spark sample is kept, and the
     * module fails as the direct pass's forgers do (kind {@code untrusted}, exit 23).
     */
    private static ModuleResult untrusted(ModuleResult direct, WorkerTimingCheck.Verdict check) {
        String why = ModuleOutput.sanitize(check.summary().firstDisagreement());
        return sparkFailure(direct, ModuleError.UNTRUSTED,
                "module '" + direct.name() + "': results not trusted in Spark mode: " + why, List.of(why));
    }

    private static ModuleResult sparkFailure(ModuleResult direct, String kind, String message, List<String> errors) {
        return ModuleResult.builder(direct.name(), direct.type(), direct.entry(), direct.outputColumn())
                .failed(ModuleStatus.ERROR, new ModuleError(kind, null, message, null))
                .nAlerts(direct.nAlerts())
                .inputs(direct.inputs())
                .spark(new SparkFailure(errors))
                .build();
    }

    private static ModuleResult missing(ModuleSpec m) {
        return ModuleResult.builder(m.name(), m.type().label(), m.entry(), m.output())
                .failed(ModuleStatus.ERROR, new ModuleError("no_direct_result", null,
                        "module '" + m.name() + "' has no direct-mode result", null))
                .build();
    }

    static String argsJson(List<ModuleArg> args) {
        ArrayNode a = JSON.createArrayNode();
        for (ModuleArg arg : args) {
            if (arg.isLiteral()) {
                a.addObject().set("literal", JSON.valueToTree(arg.literal()));
            } else {
                a.addObject().put("column", arg.batchColumn());
            }
        }
        return a.toString();
    }
}
