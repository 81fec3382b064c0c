package io.finkperf.engine;

import io.finkperf.registry.ModuleSpec;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.RunConfig;
import io.finkperf.results.RunResults;
import io.finkperf.spark.SparkBench;
import io.finkperf.spark.SparkBenchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spark half of a run: the modules again, inside Spark tasks, on the very batch the direct pass
 * used; its results replace the direct ones (which they quote).
 */
final class SparkPass {

    private SparkPass() {
    }

    static RunResults after(RunResults direct, ProfileRequest req, SparkMode spark, RunProgress progress, RunListener listener) {
        Map<String, ModuleResult> byName = new HashMap<>();
        direct.modules().forEach(m -> byName.put(m.name(), m));
        progress.message("spark mode on " + spark.master() + (spark.workers() == null ? "" : ", workers in " + spark.workers().image()));
        // containers mount the scratch folder, so it must be one of ours rather than each executor's tmpdir
        Path tmpDir = spark.tmpDir() != null || spark.workers() == null ? spark.tmpDir() : scratch(req.workDir().resolve("spark-tasks"));
        SparkBenchRequest sparkReq = new SparkBenchRequest(req.modules(), req.workDir().resolve("batch"), req.scienceDir(),
                spark.driverDir(), spark.workers() == null ? spark.python() : "python3", spark.master(), spark.totalMemoryGb(),
                spark.gbPerExecutor(), spark.coresPerExecutor(), req.warmup(), req.loops(), req.chunkRows(), spark.ship(),
                spark.conf(), tmpDir, req.timeout(), spark.reuseWorkers(), spark.workers());
        RunConfig config = new RunConfig(req.registry().source(), req.modules().stream().map(ModuleSpec::name).toList(),
                direct.config().nAlerts(), req.warmup(), req.loops(), req.chunkRows(), req.timeout().toSeconds(),
                "spark " + spark.master(), "spark");
        List<ModuleResult> modules = new SparkBench(sparkReq, progress::message).run(byName, done -> {
            List<ModuleResult> all = new ArrayList<>(done);
            direct.modules().stream().filter(m -> done.stream().noneMatch(d -> d.name().equals(m.name()))).forEach(all::add);
            listener.resultsSoFar(results(direct, config, all));
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
