package io.finkperf.cli;

import io.finkperf.engine.ConsoleProgress;
import io.finkperf.engine.ProfileEngine;
import io.finkperf.engine.ProfileRequest;
import io.finkperf.registry.ModuleRegistry;
import io.finkperf.registry.ModuleSpec;
import io.finkperf.registry.RegistryLoader;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunConfig;
import io.finkperf.results.RunResults;
import io.finkperf.runner.local.LocalRunner;
import io.finkperf.runner.local.PythonLocator;
import io.finkperf.runner.spark.DecompositionReport;
import io.finkperf.runner.spark.SparkBench;
import io.finkperf.runner.spark.SparkBenchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "spark-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run modules inside Spark as the broker does (partitions → executor tasks → Python workers),",
                "next to direct mode on the same alerts: throughput per core, output equivalence, and where the",
                "Spark overhead goes (scheduling, serialisation, Python start/import, compute, collection)."},
        footer = {"", "Writes results.json (mode spark; extra.spark per module), spark_decomposition.md and",
                "spark_decomposition.png into --output. See docs/spark.md for clusters (--master)."})
public final class SparkBenchCommand implements Callable<Integer> {

    @Option(names = "--master", defaultValue = "${env:FINK_PERF_SPARK_MASTER:-local[2]}",
            description = "Spark master: local[N], spark://host:7077, yarn, k8s://… (default: ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--total-memory", defaultValue = "0",
            description = "GB for all executors; executors = total / gb-per-executor, as Fink's perf script (default: unset, use the master's cores).")
    double totalMemory;

    @Option(names = "--gb-per-executor", defaultValue = "2", description = "Executor memory in GB (default: ${DEFAULT-VALUE}).")
    double gbPerExecutor;

    @Option(names = "--core-per-executor", defaultValue = "1", description = "Cores per executor (default: ${DEFAULT-VALUE}).")
    int corePerExecutor;

    @Option(names = "--loops", defaultValue = "3", description = "Measured Spark jobs per module (default: ${DEFAULT-VALUE}).")
    int loops;

    @Option(names = "--warmup", defaultValue = "1", description = "Unmeasured loops first, both modes (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--modules", defaultValue = "all", description = "Comma-separated module names, or 'all' (default: ${DEFAULT-VALUE}).")
    String modules;

    @Option(names = "--data", description = "Parquet file or folder (default: the bundled sample of the survey).")
    Path data;

    @Option(names = "--survey", defaultValue = "ztf", description = "ztf or rubin (default: ${DEFAULT-VALUE}).")
    String survey;

    @Option(names = "--n-alerts", defaultValue = "0", description = "Sample or replicate to exactly N alerts (default: all).")
    long nAlerts;

    @Option(names = "--science-dir", description = "fink-science layout folder (default: the bundled examples).")
    Path scienceDir;

    @Option(names = "--registry", description = "Module registry (default: as for profile).")
    Path registry;

    @Option(names = "--chunk-rows", defaultValue = "10000", description = "Alerts per module call (default: ${DEFAULT-VALUE}).")
    int chunkRows;

    @Option(names = "--python", defaultValue = "${env:FINK_PERF_PYTHON}",
            description = "Python on the driver host and the executors (default: first of python3, /usr/bin/python3 with numpy and pandas).")
    String python;

    @Option(names = "--ship", description = "Ship the driver package and science dir to executors with addFile instead of using shared paths.")
    boolean ship;

    @Option(names = "--tmp-dir", description = "Scratch folder for executor tasks (default: their java.io.tmpdir).")
    Path tmpDir;

    @Option(names = "--conf", description = "Extra Spark setting key=value (repeatable).")
    Map<String, String> conf = new HashMap<>();

    @Option(names = "--timeout", defaultValue = "10m", converter = DurationConverter.class,
            description = "Limit per module run / per task (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = {"-o", "--output"}, defaultValue = "fink-perf-spark", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--quiet", description = "Hide the modules' own output.")
    boolean quiet;

    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() {
        validate();
        Path science = (scienceDir == null ? FinkPerfHome.examplesScience() : scienceDir).toAbsolutePath();
        Path registryFile = registry != null ? registry
                : FinkPerfHome.registry((FinkPerfHome.sameDir(science, FinkPerfHome.examplesScience()) ? "examples-" : "")
                + survey + ".yaml");
        ModuleRegistry reg = RegistryLoader.load(registryFile);
        List<ModuleSpec> selected = reg.select(modules);
        Path dataPath = data == null ? FinkPerfHome.defaultData(survey) : data;
        Path out = output.toAbsolutePath();
        ConsoleProgress progress = new ConsoleProgress(System.err, !quiet);
        String py = PythonLocator.find(python);

        progress.message("direct mode on the same alerts");
        ProfileRequest direct = new ProfileRequest(reg, selected, science, dataPath, survey, nAlerts, warmup, loops,
                chunkRows, timeout, false, out);
        RunResults directResults;
        try (LocalRunner runner = new LocalRunner(py, FinkPerfHome.driverDir())) {
            directResults = new ProfileEngine(runner, progress, (soFar, m) -> { }).run(direct);
        }
        Map<String, ModuleResult> byName = new HashMap<>();
        directResults.modules().forEach(m -> byName.put(m.name(), m));

        progress.message("spark mode on " + master);
        SparkBenchRequest req = new SparkBenchRequest(selected, direct.workDir().resolve("batch"), science,
                FinkPerfHome.driverDir(), py, master, totalMemory, gbPerExecutor, corePerExecutor, warmup, loops, chunkRows,
                ship, conf, tmpDir, timeout);
        SparkBench.Outcome spark = new SparkBench(req, progress::message).run(byName);
        RunConfig config = new RunConfig(reg.source(), selected.stream().map(ModuleSpec::name).toList(),
                directResults.config().nAlerts(), warmup, loops, chunkRows, timeout.toSeconds(), "spark " + master, "spark");
        RunResults results = new RunResults(RunResults.SCHEMA, ProfileEngine.TOOL_VERSION, directResults.startedAt(), null,
                directResults.environment(), config, spark.modules()).finished(Instant.now().toString());
        try {
            ResultsJson.write(results, out.resolve("results.json"));
            DecompositionReport.write(results, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report into " + out, e);
        }
        System.out.println(summary(results, out));
        return ExceptionMapper.exitCodeOf(results).code();
    }

    @SuppressWarnings("unchecked")
    private static String summary(RunResults results, Path out) {
        StringBuilder b = new StringBuilder();
        for (ModuleResult m : results.modules()) {
            Object s = m.extra().get("spark");
            if (m.ok() && s instanceof Map<?, ?> map && map.containsKey("decomposition")) {
                Map<String, Object> sp = (Map<String, Object>) map;
                b.append(String.format(Locale.ROOT, "%-18s spark %8.1f alerts/s/core  direct %8.1f  ratio %5.1fx  equivalent %s%n",
                        m.name(), (Double) sp.get("throughputPerCore"), (Double) sp.get("directThroughputPerCore"),
                        (Double) sp.get("directOverSparkRatio"), sp.get("equivalent")));
            } else {
                b.append(String.format(Locale.ROOT, "%-18s %s%n", m.name(),
                        m.error() == null ? m.status() : m.error().message()));
            }
        }
        return b.append("report: ").append(out.resolve(DecompositionReport.MARKDOWN)).toString();
    }

    private void validate() {
        if (loops < 1 || warmup < 0 || nAlerts < 0 || chunkRows < 1 || corePerExecutor < 1 || gbPerExecutor <= 0 || totalMemory < 0) {
            throw new FinkPerfException(ExitCode.USAGE, "need --loops >= 1, --warmup >= 0, --n-alerts >= 0, --chunk-rows >= 1, "
                    + "--core-per-executor >= 1, --gb-per-executor > 0, --total-memory >= 0");
        }
        if (totalMemory > 0 && totalMemory < gbPerExecutor) {
            throw new FinkPerfException(ExitCode.USAGE, "--total-memory " + totalMemory + " is less than one executor of "
                    + gbPerExecutor + " GB");
        }
    }
}
