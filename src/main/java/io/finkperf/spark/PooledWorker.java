package io.finkperf.spark;

import io.finkperf.runner.ProcClock;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code spark_worker --serve} process: a spec path per request on its stdin, a
 * {@code @@fink-perf-worker {"spec": …, "exit": N}} reply per request on its stdout.
 */
final class PooledWorker implements AutoCloseable {

    private static final Pattern REPLY = Pattern.compile("^@@fink-perf-worker \\{.*\"exit\": (-?\\d+)\\}$");
    private static final String EOF = "\u0000eof";

    private final Process process;
    private final BufferedWriter requests;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Path log;
    private final Runnable afterKill;
    private final CompletableFuture<OptionalLong> hostPid;
    private int served;

    /** Starts {@code start}'s process; its {@code afterKill} cleans up what killing it leaves behind (e.g. its container). */
    PooledWorker(WorkerCommand start, Path log) throws IOException {
        this.log = log;
        this.afterKill = start.afterKill();
        this.process = start.process().redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // a container's pid comes from the engine, off the task's clock
        this.hostPid = CompletableFuture.supplyAsync(() -> start.hostPid().apply(process), PooledWorker::daemon);
        this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(this::readReplies, "fink-perf-worker-replies-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Runs one spec; the worker's exit code for it, or empty when it did not answer in time (then it is killed). */
    OptionalInt run(Path spec, long timeoutSeconds) throws IOException, InterruptedException {
        served++;
        try {
            requests.write(spec.toString());
            requests.newLine();
            requests.flush();
        } catch (IOException e) {
            return exitOfDeadWorker();
        }
        String reply = replies.poll(timeoutSeconds, TimeUnit.SECONDS);
        if (reply == null) {
            kill();
            return OptionalInt.empty();
        }
        if (reply.equals(EOF)) {
            return exitOfDeadWorker();
        }
        Matcher m = REPLY.matcher(reply);
        return OptionalInt.of(m.matches() ? Integer.parseInt(m.group(1)) : -1);
    }

    /**
     * CPU time of the worker's main thread so far, read from /proc by this JVM; empty while its host
     * pid is not known (yet) or not visible.
     */
    OptionalLong cpuNs() {
        OptionalLong pid = hostPid.getNow(OptionalLong.empty());
        return pid.isPresent() ? ProcClock.threadCpuNs(pid.getAsLong()) : OptionalLong.empty();
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "fink-perf-worker-pid");
        t.setDaemon(true);
        t.start();
    }

    /** True until its first request: the next one pays the interpreter start and imports. */
    boolean fresh() {
        return served == 0;
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    private OptionalInt exitOfDeadWorker() throws InterruptedException {
        process.waitFor(10, TimeUnit.SECONDS);
        return OptionalInt.of(process.isAlive() ? -1 : process.exitValue());
    }

    private void readReplies() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("@@fink-perf-worker ")) {
                    replies.add(line);
                }
            }
        } catch (IOException ignored) {
            // the process is gone: EOF below says so
        }
        replies.add(EOF);
    }

    private void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        afterKill.run();
    }

    @Override
    public void close() {
        try {
            requests.close(); // EOF: the worker leaves its loop
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a stray log in the temp folder
        }
    }
}
