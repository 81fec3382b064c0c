package io.finkperf.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One module kept warm in a {@code fink_perf_driver.warm} process ({@code fink-perf-warm/1}, see
 * ARCHITECTURE.md): loaded once, then one pass over the batch per {@link #call}. This JVM times
 * each round trip itself and reads the process's CPU clock from the kernel when it can see the
 * process, so nothing the module's code does inside its process can alter the figures.
 */
public final class WarmModule implements AutoCloseable {

    /**
     * @param startNs  spawn to "ready", by this JVM: interpreter start, batch read, module import
     * @param importNs the import alone, as the driver measured it
     */
    public record Ready(long pid, long importNs, long startNs, long nAlerts, int nChunks) {
    }

    /**
     * @param wallNs     the round trip, by this JVM
     * @param cpuNs      CPU time of the calling thread during the request
     * @param cpuFromHost true when read from this host's /proc, false when the driver's own figure
     * @param driverNs   the module calls alone, as the driver measured them
     */
    public record Call(long wallNs, long cpuNs, boolean cpuFromHost, long driverNs) {
    }

    /** The output of one pass, hashed, and saved as a one-column batch in {@code dir} unless {@code saveError}. */
    public record Saved(String outputHash, String outputDtype, Path dir, String column, String saveError) {
    }

    private static final String REPLY = "@@fink-perf-warm ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fink-perf-warm-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final WarmLauncher launcher;
    private final String name;
    private final Process process;
    private final OutputStream requests;
    private final BufferedReader replies;
    private final Path log;
    private final Duration timeout;
    private final Ready ready;
    private final OptionalLong hostPid;
    private volatile boolean killedForTime;

    private WarmModule(WarmLauncher launcher, String name, Process process, Path log, Duration timeout, long t0)
            throws WarmFailure {
        this.launcher = launcher;
        this.name = name;
        this.process = process;
        this.log = log;
        this.timeout = timeout;
        this.requests = process.getOutputStream();
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        JsonNode r = await("ready");
        this.ready = new Ready(r.path("pid").asLong(), r.path("import_ns").asLong(), System.nanoTime() - t0,
                r.path("n_alerts").asLong(), r.path("n_chunks").asInt());
        this.hostPid = launcher.hostPid(process, name, ready.pid());
    }

    /**
     * Starts the module's warm process and waits until it has loaded the batch and imported the module.
     *
     * @param name    unique among live warm modules (the container launcher names its container after it)
     * @param workDir where the spec and the module's stderr log go
     */
    public static WarmModule start(WarmLauncher launcher, String name, DriverSpec spec, Path workDir, Duration timeout)
            throws WarmFailure {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new RunnerException(RunnerException.Kind.IO, "cannot create " + workDir, e);
        }
        Path specFile = DriverSpecFile.write(spec, workDir.resolve(name + ".spec.json"));
        Path log = workDir.resolve(name + ".stderr.log");
        List<Path> writable = new ArrayList<>(List.of(workDir));
        long t0 = System.nanoTime();
        Process p;
        try {
            p = launcher.start(name, specFile, List.of(spec.scienceDir(), spec.batchDir()), writable, log);
        } catch (IOException e) {
            throw new RunnerException(RunnerException.Kind.PYTHON_MISSING, "cannot start the warm driver for "
                    + spec.module() + ": " + e.getMessage(), e);
        }
        try {
            return new WarmModule(launcher, name, p, log, timeout, t0);
        } catch (WarmFailure | RuntimeException e) {
            destroy(p, launcher, name);
            throw e;
        }
    }

    public Ready ready() {
        return ready;
    }

    /** True when the CPU times come from this host's kernel rather than from the driver. */
    public boolean cpuFromHost() {
        return hostPid.isPresent();
    }

    /** One pass over every chunk of the batch. */
    public Call call() throws WarmFailure {
        byte[] request = request("call", null);
        long cpu0 = hostCpu();
        long t0 = System.nanoTime();
        JsonNode r = send(request, "call");
        long wall = System.nanoTime() - t0;
        long cpu1 = hostCpu();
        boolean fromHost = cpu0 >= 0 && cpu1 >= 0;
        return new Call(wall, fromHost ? cpu1 - cpu0 : r.path("cpu_ns").asLong(), fromHost, r.path("ns").asLong());
    }

    /** One pass whose output is hashed and saved as a one-column batch in {@code dir}. */
    public Saved save(Path dir, String column) throws WarmFailure {
        ObjectNode args = JSON.createObjectNode().put("dir", dir.toAbsolutePath().toString()).put("column", column);
        JsonNode r = send(request("save", args), "save");
        return new Saved(text(r.get("output_hash")), text(r.get("output_dtype")),
                r.path("output").isObject() ? dir.toAbsolutePath() : null, column, text(r.get("save_error")));
    }

    /** One pass under line_profiler: the driver's {@code line_profile} object. */
    public JsonNode lineProfile() throws WarmFailure {
        return send(request("line_profile", null), "line_profile").path("line_profile");
    }

    /** Peak resident memory so far: from this host's /proc when visible, else as the driver reads it. */
    public long peakRssBytes() throws WarmFailure {
        OptionalLong host = hostPid.isPresent() ? ProcClock.peakRssBytes(hostPid.getAsLong()) : OptionalLong.empty();
        return host.isPresent() ? host.getAsLong() : send(request("stats", null), "stats").path("peak_rss_bytes").asLong();
    }

    private long hostCpu() {
        if (hostPid.isEmpty()) {
            return -1;
        }
        OptionalLong ns = ProcClock.threadCpuNs(hostPid.getAsLong());
        return ns.isPresent() ? ns.getAsLong() : -1;
    }

    private static byte[] request(String op, ObjectNode args) {
        ObjectNode r = JSON.createObjectNode().put("op", op);
        if (args != null) {
            r.setAll(args);
        }
        return (r + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode send(byte[] request, String op) throws WarmFailure {
        try {
            requests.write(request);
            requests.flush();
        } catch (IOException e) {
            throw deadProcess(op);
        }
        return await(op);
    }

    /** The next reply, read on this thread (no hand-over between threads inside the timed window). */
    private JsonNode await(String op) throws WarmFailure {
        ScheduledFuture<?> watchdog = timeout == null ? null
                : WATCHDOG.schedule(this::killForTime, timeout.toMillis(), TimeUnit.MILLISECONDS);
        String line;
        try {
            do {
                line = replies.readLine();
            } while (line != null && !line.startsWith(REPLY));
        } catch (IOException e) {
            line = null;
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
        if (line == null) {
            throw deadProcess(op);
        }
        JsonNode r;
        try {
            r = JSON.readTree(line.substring(REPLY.length()));
        } catch (IOException e) {
            throw new WarmFailure("crash", name + ": unreadable reply to '" + op + "'", -1);
        }
        if (!r.path("ok").asBoolean()) {
            JsonNode err = r.path("error");
            throw new WarmFailure(err.path("kind").asText("crash"), err.path("message").asText("failed")
                    .lines().findFirst().orElse("failed"), r.path("exit").asInt(-1));
        }
        return r;
    }

    private void killForTime() {
        killedForTime = true;
        destroy(process, launcher, name);
    }

    private WarmFailure deadProcess(String op) {
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (killedForTime) {
            return new WarmFailure("timeout", "timed out after " + timeout.toSeconds() + " s in '" + op + "'", -1);
        }
        int exit = process.isAlive() ? -1 : process.exitValue();
        return new WarmFailure(exit == 137 ? "out_of_memory" : "crash", "driver process ended during '" + op
                + "' (exit " + exit + ")" + lastLogLine(), exit);
    }

    private String lastLogLine() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return ": " + lines.get(i).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // no log to quote
        }
        return "";
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static void destroy(Process p, WarmLauncher launcher, String name) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        launcher.afterKill(name);
    }

    /** Closes the request pipe (the driver leaves at end of input); kills it if it lingers. */
    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                destroy(process, launcher, name);
            }
        } catch (InterruptedException e) {
            destroy(process, launcher, name);
            Thread.currentThread().interrupt();
        }
        try {
            replies.close();
        } catch (IOException ignored) {
            // nothing left to read
        }
    }
}
