package io.finkperf.runner.container;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import io.finkperf.runner.RunnerException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.images.PullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * One command in one fresh container: bind mounts, CPU and memory limits, output
 * streamed line by line, a wall-clock limit, and the container removed whatever happens.
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

    OneShotContainer(ContainerEngine engine, ContainerOptions options) {
        this.engine = engine;
        this.options = options;
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
                    .withCreateContainerCmdModifier(this::limit)
                    .withLogConsumer(frame -> forward(frame, sink, logsDone));
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

    private void limit(CreateContainerCmd cmd) {
        HostConfig hc = cmd.getHostConfig() != null ? cmd.getHostConfig() : HostConfig.newHostConfig();
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

    private static void forward(OutputFrame frame, LineSink sink, CountDownLatch done) {
        if (frame.getType() == OutputFrame.OutputType.END) {
            done.countDown();
            return;
        }
        String text = frame.getUtf8StringWithoutLineEnding();
        boolean stderr = frame.getType() == OutputFrame.OutputType.STDERR;
        for (String line : text.split("\\r?\\n", -1)) {
            sink.line(stderr, line);
        }
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
