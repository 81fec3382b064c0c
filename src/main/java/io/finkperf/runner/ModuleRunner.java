package io.finkperf.runner;

import java.util.List;
import java.util.Map;

/**
 * Runs the Python driver for one module somewhere: a local process, a container, Spark executors.
 * Module failures are outcomes, not exceptions; {@link RunnerException} is for the runner itself
 * (no Python, no container engine, no image).
 */
public interface ModuleRunner extends AutoCloseable {

    /** "local", "container", … as recorded in results.json. */
    String name();

    /** Facts about where modules run (Python and package versions, image and digest…). */
    Map<String, Object> environment();

    /** Fails up front, naming the first missing package, before any module runs. */
    void checkPackages(List<String> pythonPackages);

    /**
     * Every one of {@code pythonPackages} the modules' Python finds or lacks, in one call (import specs,
     * nothing imported); a runner that cannot start Python at all throws {@link RunnerException}.
     */
    PackageProbe probePackages(List<String> pythonPackages);

    DriverOutcome run(DriverSpec spec, ProgressListener listener);

    @Override
    void close();
}
