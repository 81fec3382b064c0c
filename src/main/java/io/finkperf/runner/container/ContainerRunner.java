package io.finkperf.runner.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.finkperf.files.Trees;
import io.finkperf.runner.DriverOutcome;
import io.finkperf.runner.DriverSpec;
import io.finkperf.runner.DriverSpecFile;
import io.finkperf.runner.LoopRecorder;
import io.finkperf.runner.ModuleRunner;
import io.finkperf.runner.OutcomeReader;
import io.finkperf.runner.PackageProbe;
import io.finkperf.runner.ProgressListener;
import io.finkperf.runner.RunnerException;
import io.finkperf.runner.control.ControlLog;
import io.finkperf.runner.control.ControlServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs each module in its own fresh, hardened container (no network, unprivileged, read-only root:
 * see docs/security.md): the science and batch folders mounted read-only, a private output folder
 * read-write, the driver package and the control socket's folder read-only. One container per module is
 * what makes the time limit (kill the container) and the memory limit (the kernel kills it, exit
 * 137) clean, and keeps a module from writing anywhere on the host but its output folder.
 */
public final class ContainerRunner implements ModuleRunner {

    /** Set inside every container fink-perf starts (this runner's and Spark mode's workers). */
    public static final String IN_CONTAINER = "FINK_PERF_IN_CONTAINER";


    static final String DRIVER_HOME = "/opt/fink-perf";
    static final String SCIENCE = "/science";
    static final String BATCH = "/batch";
    static final String OUT = "/out";
    static final String SAVE = "/save";
    static final String CONTROL = "/ctl";
    private static final int EXIT_MISSING_PACKAGE = 7;
    private static final int EXIT_KILLED = 137;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContainerOptions options;
    private final Path driverPackage;
    private final ContainerEngine engine;
    private final OneShotContainer containers;
    private final ContainerUser user;
    private Map<String, Object> environment;

    /**
     * Checks the engine and the image now, so that neither fails halfway through a run.
     *
     * @param driverPackage the {@code fink_perf_driver} package folder (python/fink_perf_driver)
     * @throws RunnerException ENGINE_UNAVAILABLE or IMAGE_MISSING
     */
    public ContainerRunner(ContainerOptions options, Path driverPackage) {
        this.options = options;
        this.driverPackage = driverPackage.toAbsolutePath().normalize();
        if (!Files.isRegularFile(this.driverPackage.resolve("__main__.py"))) {
            throw new RunnerException(RunnerException.Kind.IO,
                    "no Python driver package at " + this.driverPackage + " (expected __main__.py)");
        }
        this.engine = ContainerEngine.connect(options);
        this.user = ContainerUser.current();
        this.containers = new OneShotContainer(engine, options, user);
    }

    @Override
    public String name() {
        return "container";
    }

    public ContainerOptions options() {
        return options;
    }

    @Override
    public synchronized Map<String, Object> environment() {
        if (environment == null) {
            Map<String, Object> env = new LinkedHashMap<>();
            env.put("runner", name());
            env.putAll(engine.describe());
            env.put("cpus", options.cpus());
            env.put("memory_bytes", options.memoryBytes());
            env.put("network", options.allowNetwork() ? "allowed (--allow-network)" : "none");
            env.put("user", user.spec());
            Captured c = driverCommand(List.of("env"));
            if (c.exit.exitCode() != 0) {
                throw new RunnerException(RunnerException.Kind.PYTHON_MISSING, "'python3 -m fink_perf_driver env'"
                        + " failed in image '" + engine.image() + "' (exit " + c.exit.exitCode() + "): " + c.lastLine());
            }
            try {
                env.put("python", JSON.convertValue(JSON.readTree(c.stdout()), Map.class));
            } catch (IOException e) {
                throw new RunnerException(RunnerException.Kind.PYTHON_MISSING,
                        "'python3 -m fink_perf_driver env' printed no JSON in image '" + engine.image() + "'", e);
            }
            environment = env;
        }
        return environment;
    }

    @Override
    public void checkPackages(List<String> pythonPackages) {
        if (pythonPackages.isEmpty()) {
            return;
        }
        Captured c = driverCommand(List.of("check-packages", String.join(",", pythonPackages)));
        if (c.exit.exitCode() == EXIT_MISSING_PACKAGE) {
            throw new RunnerException(RunnerException.Kind.PACKAGE_MISSING,
                    "image '" + engine.image() + "' lacks Python package(s): " + missingPackages(c));
        }
        if (c.exit.exitCode() != 0) {
            throw new RunnerException(RunnerException.Kind.PYTHON_MISSING, "'python3 -m fink_perf_driver "
                    + "check-packages' failed in image '" + engine.image() + "' (exit " + c.exit.exitCode() + "): "
                    + c.lastLine());
        }
    }

    @Override
    public PackageProbe probePackages(List<String> pythonPackages) {
        if (pythonPackages.isEmpty()) {
            return PackageProbe.NONE;
        }
        Captured c = driverCommand(List.of("check-packages", String.join(",", pythonPackages)));
        int exit = c.exit.exitCode();
        PackageProbe probe = exit == 0 || exit == EXIT_MISSING_PACKAGE ? PackageProbe.fromDriverOutput(c.stdout()) : null;
        if (probe == null) {
            throw new RunnerException(RunnerException.Kind.PYTHON_MISSING, "'python3 -m fink_perf_driver "
                    + "check-packages' failed in image '" + engine.image() + "' (exit " + exit + "): " + c.lastLine());
        }
        return probe;
    }

    @Override
    public DriverOutcome run(DriverSpec spec, ProgressListener listener) {
        Path resultFile = spec.resultFile().toAbsolutePath();
        Path stage = createStage(resultFile.getParent(), spec.module());
        ControlLog log = new ControlLog(spec.module(), listener);
        try (ControlServer control = ControlServer.open(log)) {
            // a result left by an earlier run must not pass for this one's
            Files.deleteIfExists(resultFile);
            user.grantWrite(stage);
            Path save = spec.saveOutputDir() == null ? null : spec.saveOutputDir().toAbsolutePath();
            List<OneShotContainer.Mount> mounts = new ArrayList<>(List.of(
                    new OneShotContainer.Mount(spec.scienceDir().toAbsolutePath(), SCIENCE, true),
                    new OneShotContainer.Mount(spec.batchDir().toAbsolutePath(), BATCH, true),
                    new OneShotContainer.Mount(stage, OUT, false),
                    new OneShotContainer.Mount(control.dir(), CONTROL, true),
                    driverMount()));
            if (save != null) {
                createDirectories(save);
                user.grantWrite(save);
                mounts.add(new OneShotContainer.Mount(save, SAVE, false));
            }
            DriverSpec inside = spec.relocate(Path.of(SCIENCE), Path.of(BATCH), Path.of(OUT, "result.json"),
                    save == null ? null : Path.of(SAVE));
            DriverSpecFile.write(inside, stage.resolve("spec.json"));

            LoopRecorder recorder = new LoopRecorder(spec.module(), listener);
            Map<String, String> env = new LinkedHashMap<>(driverEnv());
            env.put(ControlServer.ENV, CONTROL + "/" + ControlServer.SOCKET_NAME);
            // the supervisor is the container's PID 1: module code cannot signal it, and its exit ends every process
            OneShotContainer.Exit exit = containers.run(
                    List.of("python3", "-m", "fink_perf_driver.supervise", "--",
                            "python3", "-m", "fink_perf_driver", "run", OUT + "/spec.json"),
                    env, mounts, OUT, spec.timeout(), (stderr, line) -> recorder.line(line));
            control.awaitEnd(5000);
            DriverOutcome outcome = outcome(spec, exit, stage.resolve("result.json"), log, recorder);
            if (outcome.result() != null) {
                writeResult(outcome.result(), resultFile);
            }
            return outcome;
        } catch (IOException e) {
            throw new RunnerException(RunnerException.Kind.IO, "cannot replace " + resultFile, e);
        } finally {
            Trees.deleteQuietly(stage); // a leftover hidden staging folder is harmless
        }
    }

    private DriverOutcome outcome(DriverSpec spec, OneShotContainer.Exit exit, Path stagedResult, ControlLog log,
                                  LoopRecorder rec) {
        if (!exit.timedOut() && log.supervisor().isEmpty() && exit.exitCode() == EXIT_KILLED) {
            // PID 1 itself was killed from outside (engine, kernel): nothing inside could report why
            return new DriverOutcome(DriverOutcome.Status.KILLED, exit.exitCode(), null, log.warmup(), log.samples(),
                    "killed (container exit 137) before its supervisor could report", exit.wallTime());
        }
        DriverOutcome read = OutcomeReader.judge(spec, exit.timedOut(), stagedResult, log, rec.lastModuleLine(),
                exit.wallTime(), options.memoryBytes() == null ? null : "--memory " + ContainerOptions.formatMemory(options.memoryBytes()));
        if (read.status() == DriverOutcome.Status.TIMEOUT) {
            return withError(read, "timed out after " + spec.timeout().toSeconds() + " s (container killed after "
                    + log.samples().size() + " measured loops)");
        }
        return read;
    }

    private static DriverOutcome withError(DriverOutcome o, String error) {
        return new DriverOutcome(o.status(), o.exitCode(), null, o.warmupSeenNs(), o.samplesSeenNs(), error,
                o.wallTime());
    }

    /** check-packages prints {"present": {...}, "missing": [...]} on stdout. */
    private static String missingPackages(Captured c) {
        try {
            List<String> missing = new ArrayList<>();
            JSON.readTree(c.stdout()).path("missing").forEach(n -> missing.add(n.asText()));
            if (!missing.isEmpty()) {
                return String.join(", ", missing);
            }
        } catch (IOException e) {
            // fall back to what the driver said last
        }
        return c.lastLine();
    }

    private Captured driverCommand(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("python3", "-m", "fink_perf_driver"));
        cmd.addAll(args);
        StringBuilder stdout = new StringBuilder();
        List<String> stderr = new ArrayList<>();
        OneShotContainer.Exit exit = containers.run(cmd, driverEnv(), List.of(driverMount()), "/",
                Duration.ofMinutes(2), (isErr, line) -> {
                    synchronized (stdout) {
                        if (isErr) {
                            stderr.add(line);
                        } else {
                            stdout.append(line).append('\n');
                        }
                    }
                });
        synchronized (stdout) {
            return new Captured(exit, stdout.toString(), List.copyOf(stderr));
        }
    }

    private record Captured(OneShotContainer.Exit exit, String stdout, List<String> stderr) {
        String lastLine() {
            for (int i = stderr.size() - 1; i >= 0; i--) {
                if (!stderr.get(i).isBlank()) {
                    return stderr.get(i).strip();
                }
            }
            String out = stdout.strip();
            return out.isEmpty() ? "no output" : out.substring(out.lastIndexOf('\n') + 1);
        }
    }

    private static Map<String, String> driverEnv() {
        // no .pyc writes into the read-only science mount; unbuffered so lines arrive as they happen
        // HOME and caches in the private /tmp: the root filesystem is read-only
        return Map.of("PYTHONPATH", DRIVER_HOME, "PYTHONDONTWRITEBYTECODE", "1", "PYTHONUNBUFFERED", "1",
                IN_CONTAINER, "1", "HOME", "/tmp", "MPLCONFIGDIR", "/tmp");
    }

    /**
     * The driver goes in read-only by bind mount rather than by copy: no tar round trip per module
     * (Testcontainers' copy also needs a newer commons-lang3 than Spark pins).
     */
    private OneShotContainer.Mount driverMount() {
        return new OneShotContainer.Mount(driverPackage, DRIVER_HOME + "/fink_perf_driver", true);
    }

    /** Writes the checked result JSON, never bytes copied from the module's folder. */
    private static void writeResult(com.fasterxml.jackson.databind.JsonNode result, Path hostResult) {
        try {
            createDirectories(hostResult.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(hostResult.toFile(), result);
        } catch (IOException e) {
            throw new RunnerException(RunnerException.Kind.IO, "cannot write the result to " + hostResult, e);
        }
    }

    private static Path createStage(Path parent, String module) {
        try {
            createDirectories(parent);
            return Files.createTempDirectory(parent, "." + module.replaceAll("[^A-Za-z0-9_.-]", "_") + "-container-");
        } catch (IOException e) {
            throw new RunnerException(RunnerException.Kind.IO, "cannot create an output folder in " + parent, e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new RunnerException(RunnerException.Kind.IO, "cannot create " + dir, e);
        }
    }

    @Override
    public void close() {
        // every container is removed when its run ends; the engine connection is Testcontainers' to keep
    }
}
