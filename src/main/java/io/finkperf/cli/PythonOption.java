package io.finkperf.cli;

import io.finkperf.runner.local.PythonLocator;
import picocli.CommandLine.Option;

/** The Python that runs modules on this host (and, in Spark mode, on the executors). */
public final class PythonOption {

    @Option(names = "--python", defaultValue = "${env:FINK_PERF_PYTHON}",
            description = "Python interpreter for local and Spark runs (default: the first of python3, /usr/bin/python3 with numpy and pandas).")
    String python;

    String find() {
        return PythonLocator.find(python);
    }
}
