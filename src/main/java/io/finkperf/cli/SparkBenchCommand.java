package io.finkperf.cli;

import io.finkperf.engine.ConsoleProgress;
import io.finkperf.engine.ProfileEngine;
import io.finkperf.engine.ProfileRequest;
import io.finkperf.registry.ModuleRegistry;
import io.finkperf.report.ReportWriter;
import io.finkperf.report.Reports;
import io.finkperf.results.RunResults;
import io.finkperf.runner.local.LocalRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "spark-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run modules inside Spark as the broker does (partitions → executor tasks → Python workers),",
                "next to direct mode on the same alerts: throughput per core, output equivalence, and where the",
                "Spark overhead goes (scheduling, serialisation, Python start/import, compute, collection).",
                "The same as 'profile --mode spark' without the line profile, with the perf script's defaults."},
        footer = {"", "Writes results.json (mode spark; extra.spark per module), spark_decomposition.md,",
                "spark_decomposition.png and the usual reports into --output. See docs/spark.md for clusters (--master)."})
public final class SparkBenchCommand implements Callable<Integer> {

    @Mixin
    SparkOptions spark;

    @Option(names = "--loops", defaultValue = "3", description = "Measured Spark jobs per module (default: ${DEFAULT-VALUE}).")
    int loops;

    @Option(names = "--warmup", defaultValue = "1", description = "Unmeasured loops first, both modes (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Mixin
    WorkloadOptions workload;

    @Mixin
    PythonOption python;

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
        ModuleRegistry reg = workload.loadRegistry();
        Path out = output.toAbsolutePath();
        ConsoleProgress progress = new ConsoleProgress(System.err, !quiet);
        String py = python.find();
        progress.message("direct mode on the same alerts");
        ProfileRequest req = new ProfileRequest(reg, workload.select(reg), workload.science(), workload.dataPath(),
                workload.survey, workload.nAlerts, warmup, loops, workload.chunkRows, timeout, false, out);
        List<ReportWriter> writers = Reports.incremental();
        RunResults direct;
        try (LocalRunner runner = new LocalRunner(py, FinkPerfHome.driverDir())) {
            direct = new ProfileEngine(runner, progress, (soFar, m) -> Reports.write(writers, soFar, out)).run(req);
        }
        RunResults results = SparkModeRun.after(direct, req, spark, py, null, progress, soFar -> Reports.write(writers, soFar, out));
        Reports.write(Reports.all(), results, out);
        System.out.println(Reports.consoleSummary(results, out));
        return ExceptionMapper.exitCodeOf(results).code();
    }

    private void validate() {
        output = OutputFolder.check(output);
        if (loops < 1 || warmup < 0) {
            throw new FinkPerfException(ExitCode.USAGE, "need --loops >= 1 and --warmup >= 0");
        }
        workload.validate();
        spark.validate();
    }
}
