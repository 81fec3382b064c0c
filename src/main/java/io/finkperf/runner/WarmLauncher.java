package io.finkperf.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Starts {@code python3 -m fink_perf_driver.warm SPEC} somewhere (a local process, a container) with
 * the private-pipe protocol on the process's stdin and stdout, and says where its CPU clock is read.
 */
public interface WarmLauncher {

    /**
     * Environment every warm process gets, so that the processes of a comparison differ by their
     * code only: the same string hashes (set and dict orders) and the same CPU (they take turns).
     */
    java.util.Map<String, String> SAME_FOR_ALL = java.util.Map.of("PYTHONHASHSEED", "0", "FINK_PERF_PIN_CPU", "last");

    /** "local", "container": as recorded with the comparison. */
    String name();

    /**
     * @param name     unique among this JVM's live warm modules
     * @param specFile the driver spec ({@code fink-perf-driver/1}); every path in it must be valid where
     *                 the process runs (the container launcher mounts them at the same paths)
     * @param readOnly folders the process reads (science dir, batch); {@code writable}: where it saves
     * @param stderrLog where the module's own output goes
     */
    Process start(String name, Path specFile, java.util.List<Path> readOnly, java.util.List<Path> writable,
                  Path stderrLog) throws IOException;

    /**
     * The process id, as seen from this host, of the Python interpreter that serves {@code process},
     * known once it has answered "ready"; empty when this host cannot see it (a remote engine).
     */
    OptionalLong hostPid(Process process, String name, long pidInside);

    /** Cleans up what killing the process leaves behind (a container, by name). */
    default void afterKill(String name) {
    }
}
