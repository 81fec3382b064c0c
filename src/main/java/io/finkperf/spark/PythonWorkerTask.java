package io.finkperf.spark;

import io.finkperf.files.Trees;
import io.finkperf.files.UntrustedFiles;
import io.finkperf.runner.container.ContainerRunner;
import io.finkperf.runner.container.ContainerUser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The executor side of one partition: write it as a batch, run {@code fink_perf_driver.spark_worker}
 * on it once, read the canonical output bytes back, and return them with the phase timings.
 * A failing module is an outcome ({@code ok == false}), not a task failure: Spark must not retry it.
 */
public final class PythonWorkerTask implements Function2<Integer, Iterator<InternalRow>, Iterator<PartitionOutcome>> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The worker's result JSON: stamps, durations, and an error's traceback. */
    static final long MAX_RESULT_BYTES = 1L << 20;
    /** One partition's canonical output stream (what a module returns for its rows). */
    static final long MAX_STREAM_BYTES = 256L << 20;
    /** A fresh worker's stderr and stdout, whose last line explains a crash. */
    static final long MAX_LOG_BYTES = 16L << 20;

    private final WorkerConfig config;

    public PythonWorkerTask(WorkerConfig config) {
        this.config = config;
    }

    @Override
    public Iterator<PartitionOutcome> call(Integer partition, Iterator<InternalRow> rows) throws Exception {
        long taskStart = System.nanoTime();
        Path tmp = config.tmpDir() == null ? Files.createTempDirectory("fink-perf-task-" + partition + "-")
                : Files.createTempDirectory(Files.createDirectories(Path.of(config.tmpDir())), "fink-perf-task-" + partition + "-");
        Path batch = tmp.resolve("batch");
        long t0 = System.nanoTime();
        long nRows = config.writer().write(rows, batch);
        Path resultFile = tmp.resolve("result.json");
        Path stream = tmp.resolve("output.bin");
        Path specFile = writeSpec(tmp, batch, resultFile, stream);
        if (config.container() != null) {
            ContainerUser.current().handOver(tmp); // the worker's user, never root, writes its result there
        }
        long batchWriteNs = System.nanoTime() - t0;

        Path log = tmp.resolve("worker.log");
        WorkerRun run = config.reuseWorkers() ? reused(specFile) : fresh(specFile, log);

        t0 = System.nanoTime();
        // the worker's user owns the folder: its files may be links, or huge, and are read as untrusted
        JsonNode r = JSON.createObjectNode();
        String untrusted = null;
        byte[] out = new byte[0];
        try {
            if (Files.exists(resultFile, LinkOption.NOFOLLOW_LINKS)) {
                r = UntrustedFiles.readJson(resultFile, MAX_RESULT_BYTES);
            }
            if (run.exit() == 0 && "ok".equals(r.path("status").asText())) {
                out = UntrustedFiles.read(stream, MAX_STREAM_BYTES);
            }
        } catch (UntrustedFiles.UntrustedFileException e) {
            untrusted = e.getMessage();
        }
        boolean ok = untrusted == null && run.exit() == 0 && "ok".equals(r.path("status").asText());
        String error = untrusted != null ? PartitionOutcome.UNTRUSTED + untrusted
                : ok ? null : errorOf(r, run.exit(), run.finished(), run.log());
        run.release().accept(ok);
        long readBackNs = System.nanoTime() - t0;
        t0 = System.nanoTime();
        Trees.deleteRecursively(tmp);
        long cleanupNs = System.nanoTime() - t0;
        long launch = run.launchEpoch();
        PartitionOutcome o = new PartitionOutcome(partition, nRows, ok, error, run.exit(), r.path("output_dtype").asText(null), out,
                System.nanoTime() - taskStart, batchWriteNs, launch,
                r.path("main_epoch_ns").asLong(launch), r.path("libs_epoch_ns").asLong(launch),
                r.path("import_done_epoch_ns").asLong(launch), r.path("end_epoch_ns").asLong(run.exitEpoch()), run.exitEpoch(),
                r.path("read_ns").asLong(0), r.path("compute_ns").asLong(0), r.path("serialize_ns").asLong(0),
                readBackNs, cleanupNs, run.reused(), run.observedNs(), run.workerCpuNs());
        return List.of(o).iterator();
    }

    /**
     * How the worker ran the spec: exit code (-1: no answer in time), wall-clock stamps around it, what
     * this JVM observed of the call (its own clock, the worker's CPU time or -1, whether the worker was
     * kept from an earlier task) and what to do with the worker once the outcome is read ({@code true}:
     * it succeeded).
     */
    private record WorkerRun(long launchEpoch, long exitEpoch, int exit, boolean finished, Path log,
                             long observedNs, long workerCpuNs, boolean reused, Consumer<Boolean> release) {
    }

    /** A new process for this task only: {@code spark_worker SPEC.json}. */
    private WorkerRun fresh(Path specFile, Path log) throws IOException, InterruptedException {
        WorkerCommand command = workerCommand(specFile.toString());
        ProcessBuilder pb = command.process().redirectErrorStream(true).redirectOutput(log.toFile());
        long launch = epochNanos();
        long t0 = System.nanoTime();
        Process p = pb.start();
        boolean finished = p.waitFor(config.timeoutSeconds(), TimeUnit.SECONDS);
        long observed = System.nanoTime() - t0;
        if (!finished) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            command.afterKill().run();
        }
        // the process is reaped: its CPU time is gone with it
        return new WorkerRun(launch, epochNanos(), finished ? p.exitValue() : -1, finished, log, observed,
                PartitionOutcome.CPU_NOT_VISIBLE, false, ok -> { });
    }

    /** A kept worker of this executor ({@code spark_worker --serve}): back to the pool after a success, ended after a failure. */
    private WorkerRun reused(Path specFile) throws IOException, InterruptedException {
        String key = String.join("\u0000", config.python(), resolve(config.driverDir()), resolve(config.scienceDir()),
                config.module(), config.entry(), config.call(), String.valueOf(config.container()));
        long launch = epochNanos(); // before borrowing: starting a new worker is part of Python start
        PythonWorkerPool pool = ExecutorWorkerPool.get();
        PooledWorker worker = pool.borrow(key, workerCommand("--serve"));
        boolean kept = !worker.fresh();
        // a fresh worker's CPU time counts from its start, which is inside [launch, exit]
        long cpuBefore = kept ? worker.cpuNs().orElse(PartitionOutcome.CPU_NOT_VISIBLE) : 0;
        long t0 = System.nanoTime();
        OptionalInt exit = worker.run(specFile, config.timeoutSeconds());
        long observed = System.nanoTime() - t0;
        long cpuAfter = cpuBefore == PartitionOutcome.CPU_NOT_VISIBLE ? PartitionOutcome.CPU_NOT_VISIBLE
                : worker.cpuNs().orElse(PartitionOutcome.CPU_NOT_VISIBLE);
        long cpu = cpuAfter == PartitionOutcome.CPU_NOT_VISIBLE ? cpuAfter : cpuAfter - cpuBefore;
        return new WorkerRun(launch, epochNanos(), exit.orElse(-1), exit.isPresent(), worker.log(), observed, cpu, kept, ok -> {
            if (ok) {
                pool.giveBack(key, worker);
            } else {
                worker.close();
            }
        });
    }

    private WorkerCommand workerCommand(String argument) {
        List<String> python = List.of(config.python(), "-m", "fink_perf_driver.spark_worker", argument);
        WorkerContainer container = config.container();
        if (container == null) {
            ProcessBuilder pb = new ProcessBuilder(python);
            Map<String, String> env = pb.environment();
            String pp = env.get("PYTHONPATH");
            env.put("PYTHONPATH", resolve(config.driverDir()) + (pp == null || pp.isEmpty() ? "" : ":" + pp));
            env.put("PYTHONDONTWRITEBYTECODE", "1");
            WorkerConfig.THREAD_VARS.forEach(v -> env.putIfAbsent(v, "1"));
            return new WorkerCommand(pb, () -> { }, p -> OptionalLong.of(p.pid()));
        }
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("PYTHONPATH", config.driverDir());
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put(ContainerRunner.IN_CONTAINER, "1");
        WorkerConfig.THREAD_VARS.forEach(v -> env.put(v, "1"));
        String name = "fink-perf-worker-" + java.util.UUID.randomUUID();
        ProcessBuilder pb = new ProcessBuilder(container.command(name, List.of(config.driverDir(), config.scienceDir()),
                List.of(config.tmpDir()), env, python));
        return new WorkerCommand(pb, () -> removeContainer(container, name), p -> container.hostPid(name));
    }

    private static void removeContainer(WorkerContainer container, String name) {
        try {
            Process rm = new ProcessBuilder(container.removeCommand(name)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            rm.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // the engine is gone too: nothing left to remove
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path writeSpec(Path tmp, Path batch, Path resultFile, Path stream) throws IOException {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("format", "fink-perf-driver/1");
        spec.put("module", config.module());
        spec.put("entry", config.entry());
        spec.put("call", config.call());
        spec.put("science_dir", resolve(config.scienceDir()));
        spec.put("batch", batch.toString());
        spec.set("args", JSON.readTree(config.argsJson()));
        spec.put("output", resultFile.toString());
        spec.put("output_stream", stream.toString());
        Path file = tmp.resolve("spec.json");
        JSON.writeValue(file.toFile(), spec);
        return file;
    }

    private String resolve(String path) {
        return config.shipped() ? SparkFiles.get(path) : path;
    }

    private static String errorOf(JsonNode r, int exit, boolean finished, Path log) {
        if (!finished) {
            return "timed out";
        }
        JsonNode e = r.path("error");
        if (e.isObject()) {
            return e.path("kind").asText("") + ": " + e.path("message").asText("");
        }
        String last = "";
        try {
            // in the worker's folder (one worker per task): never through a link it left there
            byte[] bytes = UntrustedFiles.read(log, MAX_LOG_BYTES);
            last = new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
        } catch (UntrustedFiles.UntrustedFileException notReadable) {
            // no log, or not one the task wrote: the exit code says enough
        }
        return "spark worker exited with code " + exit + (last.isEmpty() ? "" : ": " + last);
    }

    static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
