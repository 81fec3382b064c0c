package io.finkperf.cli;

import io.finkperf.runner.local.PythonLocator;
import picocli.CommandLine.Option;

/** The Python that runs modules on this host (and, in Spark mode, on the executors). */
public final class PythonOption {

    @Option(names = "--python", defaultValue = "${env:FINK_PERF_PYTHON}") String python;

    String find() {
        return PythonLocator.find(python);
    }
}
