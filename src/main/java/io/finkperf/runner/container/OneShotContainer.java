package io.finkperf.runner.container;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.StreamType;
import io.finkperf.runner.BoundedLines;
import io.finkperf.runner.RunnerException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.images.PullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * One command in one fresh, hardened container (see {@link #limit}): bind mounts, CPU, memory and
 * process limits, output streamed as bounded lines, a wall-clock limit, and the container removed
 * whatever happens.
 */
final class OneShotContainer {

    record Mount(Path host, String target, boolean readOnly) {
    }

    /** @param exitCode the command's exit code; -1 when it was killed for the time limit */
    record Exit(int exitCode, boolean timedOut, Duration wallTime, Duration startTime) {
    }

    /** Receives each output line, {@code stderr} true for the error stream. */
    interface LineSink {
        void line(boolean stderr, String line);
    }

    private static final Duration LOG_DRAIN = Duration.ofSeconds(5);

    private final ContainerEngine engine;
    private final ContainerOptions options;
    private final ContainerUser user;

    OneShotContainer(ContainerEngine engine, ContainerOptions options, ContainerUser user) {
        this.engine = engine;
        this.options = options;
        this.user = user;
    }

    Exit run(List<String> command, Map<String, String> env, List<Mount> mounts, String workDir, Duration timeout, LineSink sink) {
        long t0 = System.nanoTime();
        CountDownLatch logsDone = new CountDownLatch(1);
        try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(engine.image()))) {
            container.withImagePullPolicy(pullPolicy())
                    .withCommand(command.toArray(String[]::new))
                    .withEnv(env)
                    .withWorkingDirectory(workDir)
                    .withStartupCheckStrategy(new NoWait())
                    .withCreateContainerCmdModifier(this::limit);
            for (Mount m : mounts) {
                container.withFileSystemBind(m.host().toString(), m.target(),
                        m.readOnly() ? BindMode.READ_ONLY : BindMode.READ_WRITE);
            }
            try {
                container.start();
            } catch (RuntimeException e) {
                throw new RunnerException(RunnerException.Kind.ENGINE_UNAVAILABLE,
                        "cannot start a container from image '" + engine.image() + "': " + rootMessage(e), e);
            }
            long started = System.nanoTime();
            followLogs(container.getContainerId(), sink, logsDone);
            Integer code = awaitExit(container.getContainerId(), timeout);
            boolean timedOut = code == null;
            if (timedOut) {
                kill(container.getContainerId());
            }
            awaitQuietly(logsDone);
            return new Exit(timedOut ? -1 : code, timedOut, Duration.ofNanos(System.nanoTime() - t0),
                    Duration.ofNanos(started - t0));
        }
    }

    /** The exit code, or null when {@code timeout} passed first. */
    private Integer awaitExit(String id, Duration timeout) {
        WaitContainerResultCallback wait = engine.client().waitContainerCmd(id).exec(new WaitContainerResultCallback());
        try {
            if (timeout == null || timeout.isZero() || timeout.isNegative()) {
                return wait.awaitStatusCode();
            }
            return wait.awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (DockerClientException e) {
            if (String.valueOf(e.getMessage()).contains("timeout")) {
                return null;
            }
            throw e;
        } finally {
            try {
                wait.close();
            } catch (Exception ignored) {
                // the wait stream is best effort once the outcome is known
            }
        }
    }

    private void kill(String id) {
        try {
            engine.client().killContainerCmd(id).exec();
        } catch (NotFoundException | com.github.dockerjava.api.exception.ConflictException e) {
            // exited on its own meanwhile
        }
    }

    /**
     * Limits and hardening of every module container: no network unless allowed, an unprivileged
     * user, no capabilities, no privilege gain, a read-only root with a small private /tmp, a
     * process-count limit, and the memory and CPU limits.
     */
    private void limit(CreateContainerCmd cmd) {
        HostConfig hc = cmd.getHostConfig() != null ? cmd.getHostConfig() : HostConfig.newHostConfig();
        if (!options.allowNetwork()) {
            hc.withNetworkMode("none");
        }
        hc.withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of("/tmp", "rw,nosuid,nodev,size=" + ContainerOptions.TMP_SIZE))
                .withPidsLimit(ContainerOptions.PIDS_LIMIT);
        cmd.withUser(user.spec());
        if (options.memoryBytes() != null) {
            // swap equal to memory: the limit is real memory, not memory plus swap
            hc.withMemory(options.memoryBytes()).withMemorySwap(options.memoryBytes());
        }
        if (options.cpus() != null) {
            hc.withNanoCPUs(Math.round(options.cpus() * 1e9));
        }
        cmd.withHostConfig(hc);
    }

    private ImagePullPolicy pullPolicy() {
        return switch (options.pull()) {
            case NEVER -> imageName -> false;
            case ALWAYS -> PullPolicy.alwaysPull();
            case MISSING -> PullPolicy.defaultPolicy();
        };
    }

    /**
     * Streams the container's output as bounded lines (a module printing gigabytes without a newline
     * costs no memory here), stdout and stderr each split on their own.
     */
    private void followLogs(String id, LineSink sink, CountDownLatch done) {
        BoundedLines out = new BoundedLines(BoundedLines.MODULE_LINE_BYTES, line -> sink.line(false, line));
        BoundedLines err = new BoundedLines(BoundedLines.MODULE_LINE_BYTES, line -> sink.line(true, line));
        engine.client().logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        byte[] payload = frame.getPayload();
                        if (payload != null) {
                            (frame.getStreamType() == StreamType.STDERR ? err : out).accept(payload, 0, payload.length);
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        finish();
                    }

                    @Override
                    public void onComplete() {
                        finish();
                    }

                    private void finish() {
                        out.finish();
                        err.finish();
                        done.countDown();
                    }
                });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(LOG_DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String rootMessage(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                parts.add(t.getMessage());
            }
        }
        return parts.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", parts);
    }

    /** The command runs to completion on its own; starting is all we wait for. */
    private static final class NoWait extends StartupCheckStrategy {
        @Override
        public StartupStatus checkStartupState(com.github.dockerjava.api.DockerClient client, String containerId) {
            return StartupStatus.SUCCESSFUL;
        }
    }
}
