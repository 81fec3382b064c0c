package io.finkperf.runner.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finkperf.runner.DriverOutcome;
import io.finkperf.runner.LoopRecorder;
import io.finkperf.runner.DriverSpec;
import io.finkperf.runner.DriverSpecFile;
import io.finkperf.runner.ModuleRunner;
import io.finkperf.runner.OutcomeReader;
import io.finkperf.runner.PackageProbe;
import io.finkperf.runner.ProgressListener;
import io.finkperf.runner.RunnerException;
import io.finkperf.runner.BoundedLines;
import io.finkperf.runner.control.ControlLog;
import io.finkperf.runner.control.ControlServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the driver as a Python process on this host, one process per module: a crash, a hang or a
 * memory blow-up of one module never touches the others, and peak RSS is the module's own.
 */
public final class LocalRunner implements ModuleRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String python;
    private final Path driverDir;
    private final Long memoryBytes;
    private final Map<String, String> inherited;
    private Map<String, Object> environment;

    /**
     * @param python    interpreter (see {@link PythonLocator})
     * @param driverDir the folder holding the {@code fink_perf_driver} package
     */
    public LocalRunner(String python, Path driverDir) {
        this(python, driverDir, null);
    }

    /** @param memoryBytes address-space limit of each module process (RLIMIT_AS), or null for none */
    public LocalRunner(String python, Path driverDir, Long memoryBytes) {
        this(python, driverDir, memoryBytes, System.getenv());
    }

    /** @param inherited the environment module processes are derived from (reduced by {@link ModuleEnvironment}) */
    public LocalRunner(String python, Path driverDir, Long memoryBytes, Map<String, String> inherited) {
        this.python = python;
        this.driverDir = driverDir.toAbsolutePath();
        this.memoryBytes = memoryBytes;
        this.inherited = Map.copyOf(inherited);
    }

    @Override
    public String name() {
        return "local";
    }

    public String python() {
        return python;
    }

    @Override
    public synchronized Map<String, Object> environment() {
        if (environment == null) {
            Result r = exec(Duration.ofSeconds(120), "-m", "fink_perf_driver", "env");
            Map<String, Object> env = new LinkedHashMap<>();
            env.put("runner", "local");
            env.put("python_executable", python);
            if (r.exitCode == 0) {
                try {
                    env.putAll(JSON.readValue(r.stdout, new TypeReference<Map<String, Object>>() { }));
                } catch (IOException e) {
                    env.put("env_error", "driver env output not JSON");
                }
            } else {
                env.put("env_error", r.lastLine());
            }
            environment = Collections.unmodifiableMap(env);
        }
        return environment;
    }

    @Override
    public void checkPackages(List<String> pythonPackages) {
        if (pythonPackages.isEmpty()) {
            return;
        }
        Result r = exec(Duration.ofSeconds(120), "-m", "fink_perf_driver", "check-packages",
                String.join(",", pythonPackages));
        if (r.exitCode == 7) {
            throw new RunnerException(RunnerException.Kind.PACKAGE_MISSING,
                    "python package missing for " + python + ": " + r.stdout.trim().lines().reduce((a, b) -> b).orElse("")
                            + " (Debian: apt-get install python3-<name>)");
        }
        if (r.exitCode != 0) {
            throw new RunnerException(RunnerException.Kind.PYTHON_MISSING,
                    "python driver does not start with " + python + ": " + r.lastLine());
        }
    }

    @Override
    public PackageProbe probePackages(List<String> pythonPackages) {
        if (pythonPackages.isEmpty()) {
            return PackageProbe.NONE;
        }
        Result r = exec(Duration.ofSeconds(120), "-m", "fink_perf_driver", "check-packages",
                String.join(",", pythonPackages));
        PackageProbe probe = r.exitCode == 0 || r.exitCode == 7 ? PackageProbe.fromDriverOutput(r.stdout) : null;
        if (probe == null) {
            throw new RunnerException(RunnerException.Kind.PYTHON_MISSING,
                    "python driver does not start with " + python + ": " + r.lastLine());
        }
        return probe;
    }

    @Override
    public DriverOutcome run(DriverSpec spec, ProgressListener listener) {
        Path specFile = spec.resultFile().resolveSibling(spec.module() + ".spec.json");
        DriverSpecFile.write(spec, specFile);
        try {
            // a result left by an earlier run must not pass for this one's
            Files.deleteIfExists(spec.resultFile());
        } catch (IOException e) {
            throw new RunnerException(RunnerException.Kind.IO, "cannot replace " + spec.resultFile(), e);
        }
        LoopRecorder recorder = new LoopRecorder(spec.module(), listener);
        ControlLog log = new ControlLog(spec.module(), listener);
        try (ControlServer control = ControlServer.open(log)) {
            long start = System.nanoTime();
            List<String> args = new ArrayList<>(List.of("-m", "fink_perf_driver.supervise"));
            if (memoryBytes != null) {
                args.addAll(List.of("--memory", Long.toString(memoryBytes)));
            }
            args.addAll(List.of("--", python, "-m", "fink_perf_driver", "run", specFile.toString()));
            ProcessBuilder pb = processBuilder(args.toArray(String[]::new));
            pb.environment().put(ControlServer.ENV, control.socket().toString());
            Process process;
            try {
                process = pb.start();
            } catch (IOException e) {
                throw new RunnerException(RunnerException.Kind.PYTHON_MISSING, "cannot start " + python + ": " + e.getMessage(), e);
            }
            Thread err = drain(process.getErrorStream(), recorder::line);
            Thread out = drain(process.getInputStream(), recorder::line);
            boolean timedOut = false;
            try {
                long timeoutMs = spec.timeout() == null ? Long.MAX_VALUE : spec.timeout().toMillis();
                if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                    timedOut = true;
                    stop(process);
                }
                control.awaitEnd(5000);
                err.join(5000);
                out.join(5000);
            } catch (InterruptedException e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new RunnerException(RunnerException.Kind.IO, "interrupted while running " + spec.module());
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            DriverOutcome outcome = OutcomeReader.judge(spec, timedOut, spec.resultFile(), log, recorder.lastModuleLine(),
                    wall, memoryBytes == null ? null : (memoryBytes >> 20) + " MiB of address space");
            if (outcome.result() == null) {
                // whatever the module left there (a link to a host file…) must not be read later
                deleteQuietly(spec.resultFile());
            }
            return outcome;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a folder in its place: the outcome already says the result is not usable
        }
    }

    /** SIGTERM first: the supervisor then kills everything the module started; then by force. */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
    }

    private ProcessBuilder processBuilder(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(python);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(ModuleEnvironment.forDriver(driverDir, inherited));
        return pb;
    }

    private record Result(int exitCode, String stdout, String stderr) {
        String lastLine() {
            String all = (stderr + "\n" + stdout).trim();
            return all.lines().reduce((a, b) -> b).orElse("exit code " + exitCode);
        }
    }

    private Result exec(Duration timeout, String... args) {
        try {
            Process p = processBuilder(args).start();
            StringBuilder so = new StringBuilder();
            StringBuilder se = new StringBuilder();
            Thread t1 = drain(p.getInputStream(), l -> so.append(l).append('\n'), 1 << 20);
            Thread t2 = drain(p.getErrorStream(), l -> se.append(l).append('\n'));
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "", "timed out");
            }
            t1.join(2000);
            t2.join(2000);
            return new Result(p.exitValue(), so.toString(), se.toString());
        } catch (IOException e) {
            throw new RunnerException(RunnerException.Kind.PYTHON_MISSING, "cannot start " + python + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunnerException(RunnerException.Kind.IO, "interrupted");
        }
    }

    private static Thread drain(InputStream in, java.util.function.Consumer<String> sink) {
        return drain(in, sink, BoundedLines.MODULE_LINE_BYTES);
    }

    private static Thread drain(InputStream in, java.util.function.Consumer<String> sink, int maxLineBytes) {
        Thread t = new Thread(() -> BoundedLines.drain(in, maxLineBytes, sink), "driver-stream");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
