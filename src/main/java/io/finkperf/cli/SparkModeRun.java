package io.finkperf.cli;

import io.finkperf.engine.ConsoleProgress;
import io.finkperf.engine.ProfileEngine;
import io.finkperf.engine.ProfileRequest;
import io.finkperf.registry.ModuleSpec;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.RunConfig;
import io.finkperf.results.RunResults;
import io.finkperf.spark.SparkBench;
import io.finkperf.spark.SparkBenchRequest;
import io.finkperf.spark.WorkerContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Spark half of {@code profile --mode spark} and {@code spark-bench}: the modules again, inside Spark
 * tasks, on the very batch the direct run used; its results replace the direct ones (which they quote).
 */
final class SparkModeRun {

    private SparkModeRun() {
    }

    /**
     * @param container run the Spark tasks' Python workers in containers of this image (null: on the host
     *                  with {@code python}); their scratch folder defaults to the run's work folder, mounted
     * @param soFar called after every module with the Spark results so far followed by the direct results of
     *              the modules still to run, so results written incrementally never lose a measurement
     */
    static RunResults after(RunResults direct, ProfileRequest req, SparkOptions spark, String python, WorkerContainer container,
                            ConsoleProgress progress, Consumer<RunResults> soFar) {
        Map<String, ModuleResult> byName = new HashMap<>();
        direct.modules().forEach(m -> byName.put(m.name(), m));
        progress.message("spark mode on " + spark.master + (container == null ? "" : ", workers in " + container.image()));
        Path tmpDir = spark.tmpDir != null || container == null ? spark.tmpDir : scratch(req.workDir().resolve("spark-tasks"));
        SparkBenchRequest sparkReq = new SparkBenchRequest(req.modules(), req.workDir().resolve("batch"), req.scienceDir(),
                FinkPerfHome.driverDir(), container == null ? python : "python3", spark.master, spark.totalMemory,
                spark.gbPerExecutor, spark.corePerExecutor, req.warmup(), req.loops(), req.chunkRows(), spark.ship, spark.conf,
                tmpDir, req.timeout(), spark.reuseWorkers, container);
        RunConfig config = new RunConfig(req.registry().source(), req.modules().stream().map(ModuleSpec::name).toList(),
                direct.config().nAlerts(), req.warmup(), req.loops(), req.chunkRows(), req.timeout().toSeconds(),
                "spark " + spark.master, "spark");
        List<ModuleResult> modules = new SparkBench(sparkReq, progress::message).run(byName, done -> {
            List<ModuleResult> all = new ArrayList<>(done);
            direct.modules().stream().filter(m -> done.stream().noneMatch(d -> d.name().equals(m.name()))).forEach(all::add);
            soFar.accept(results(direct, config, all));
        });
        return results(direct, config, modules).finished(Instant.now().toString());
    }

    private static Path scratch(Path dir) {
        try {
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static RunResults results(RunResults direct, RunConfig config, List<ModuleResult> modules) {
        return new RunResults(RunResults.SCHEMA, ProfileEngine.TOOL_VERSION, direct.startedAt(), null,
                direct.environment(), config, modules);
    }
}
