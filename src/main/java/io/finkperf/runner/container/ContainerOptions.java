package io.finkperf.runner.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the container runner starts module containers: the CLI's {@code --image}, {@code --pull},
 * {@code --cpus} and {@code --memory}.
 *
 * @param image       image holding Python and the science stack
 * @param pull        when to pull the image
 * @param cpus        CPU limit per container ({@code --cpus 1.5}), or null for none
 * @param memoryBytes memory limit per container, swap included, or null for none
 * @param dockerHost  the engine to check before anything runs; null means the {@code DOCKER_HOST}
 *                    environment variable (Testcontainers itself always reads the environment)
 * @param allowNetwork give module containers the engine's default network ({@code --allow-network});
 *                    without it they have none
 */
public record ContainerOptions(String image, Pull pull, Double cpus, Long memoryBytes, String dockerHost,
                               boolean allowNetwork) {

    public static final String DEFAULT_IMAGE = FinkCiImage.forSurvey("ztf");
    /** Memory limit per module container unless {@code --memory} says otherwise. */
    public static final long DEFAULT_MEMORY_BYTES = 4L << 30;
    /** Processes (threads included) per module container: enough for BLAS and Spark-free modules, not a fork bomb. */
    public static final long PIDS_LIMIT = 256;
    /** Size of the private writable /tmp (the root filesystem is read-only). */
    public static final String TMP_SIZE = "256m";

    /**
     * The hardening of every module container as engine CLI flags ({@code podman|docker run}): no
     * capabilities, no privilege gain, a read-only root with a private /tmp, the process limit. The
     * container runner sets the same through the engine's API ({@code OneShotContainer}).
     */
    public static List<String> hardeningFlags() {
        return List.of("--cap-drop=ALL", "--security-opt=no-new-privileges", "--read-only",
                "--tmpfs=/tmp:rw,nosuid,nodev,size=" + TMP_SIZE, "--pids-limit=" + PIDS_LIMIT, "-e", "HOME=/tmp");
    }

    /**
     * The start of a {@code cli run} command line hardened as {@link OneShotContainer}'s module containers: no
     * network unless allowed, {@link #hardeningFlags()}, {@code user}, and the CPU and memory limits (swap
     * included: the limit is real memory). Mounts, environment, image and command follow.
     */
    public static List<String> runCommand(String cli, String name, boolean allowNetwork, ContainerUser user, Double cpus,
                                          Long memoryBytes) {
        List<String> cmd = new ArrayList<>(List.of(cli, "run", "--rm", "-i", "--name", name));
        if (!allowNetwork) {
            cmd.add("--network=none");
        }
        cmd.addAll(hardeningFlags());
        cmd.add("--user=" + user.spec());
        if (cpus != null) {
            cmd.add("--cpus=" + cpus);
        }
        if (memoryBytes != null) {
            cmd.add("--memory=" + memoryBytes + "b");
            cmd.add("--memory-swap=" + memoryBytes + "b");
        }
        return cmd;
    }

    public ContainerOptions(String image, Pull pull, Double cpus, Long memoryBytes, String dockerHost) {
        this(image, pull, cpus, memoryBytes, dockerHost, false);
    }

    /** Pull policy, as docker's {@code --pull}. */
    public enum Pull {
        ALWAYS, MISSING, NEVER;

        public static Pull parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--pull must be always, missing or never, got '" + value + "'");
            }
        }
    }

    public ContainerOptions {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(pull, "pull");
        if (image.isBlank()) {
            throw new IllegalArgumentException("image must not be blank");
        }
        if (cpus != null && !(cpus > 0)) {
            throw new IllegalArgumentException("--cpus must be > 0, got " + cpus);
        }
        if (memoryBytes != null && memoryBytes < 6L * 1024 * 1024) {
            throw new IllegalArgumentException("--memory must be at least 6m, got " + memoryBytes + " bytes");
        }
    }

    public static ContainerOptions defaults() {
        return new ContainerOptions(DEFAULT_IMAGE, Pull.MISSING, null, DEFAULT_MEMORY_BYTES, null, false);
    }

    public ContainerOptions withImage(String value) {
        return new ContainerOptions(value, pull, cpus, memoryBytes, dockerHost, allowNetwork);
    }

    public ContainerOptions withPull(Pull value) {
        return new ContainerOptions(image, value, cpus, memoryBytes, dockerHost, allowNetwork);
    }

    public ContainerOptions withCpus(Double value) {
        return new ContainerOptions(image, pull, value, memoryBytes, dockerHost, allowNetwork);
    }

    public ContainerOptions withMemory(String value) {
        return new ContainerOptions(image, pull, cpus, value == null ? null : parseMemory(value), dockerHost, allowNetwork);
    }

    public ContainerOptions withDockerHost(String value) {
        return new ContainerOptions(image, pull, cpus, memoryBytes, value, allowNetwork);
    }

    public ContainerOptions withAllowNetwork(boolean value) {
        return new ContainerOptions(image, pull, cpus, memoryBytes, dockerHost, value);
    }

    /** The engine address to check: the option, else {@code DOCKER_HOST}, else null. */
    public String effectiveDockerHost() {
        if (dockerHost != null && !dockerHost.isBlank()) {
            return dockerHost;
        }
        String env = System.getenv("DOCKER_HOST");
        return env == null || env.isBlank() ? null : env;
    }

    /** Parses a docker-style size: {@code 512m}, {@code 2g}, {@code 1024k}, {@code 1048576} (binary units). */
    public static long parseMemory(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.endsWith("ib")) {
            v = v.substring(0, v.length() - 2);
        } else if (v.endsWith("b")) {
            v = v.substring(0, v.length() - 1);
        }
        long unit = 1;
        if (!v.isEmpty()) {
            switch (v.charAt(v.length() - 1)) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                case 't' -> unit = 1L << 40;
                default -> unit = 1;
            }
        }
        String digits = unit == 1 ? v : v.substring(0, v.length() - 1);
        try {
            double n = Double.parseDouble(digits);
            if (n <= 0 || Double.isNaN(n) || Double.isInfinite(n)) {
                throw new NumberFormatException();
            }
            return (long) (n * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--memory must be a size like 512m or 2g, got '" + value + "'");
        }
    }

    /** A size as {@code --memory} would write it, for messages. */
    public static String formatMemory(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "g";
        }
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "m";
        }
        return bytes + "b";
    }
}
