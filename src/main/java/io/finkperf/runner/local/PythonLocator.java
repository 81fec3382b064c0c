package io.finkperf.runner.local;

import io.finkperf.runner.RunnerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Finds a Python interpreter that can import numpy and pandas: the one asked for, else
 * {@code $FINK_PERF_PYTHON}, else {@code python3} on PATH, else Debian's {@code /usr/bin/python3}
 * (on machines where PATH's python3 is a pyenv without the Debian packages).
 */
public final class PythonLocator {

    private PythonLocator() {
    }

    public static String find(String requested) {
        if (requested != null && !requested.isBlank()) {
            if (!canRun(requested)) {
                throw new RunnerException(RunnerException.Kind.PYTHON_MISSING,
                        "python '" + requested + "' not found or not runnable");
            }
            return requested;
        }
        Set<String> candidates = new LinkedHashSet<>();
        String env = System.getenv("FINK_PERF_PYTHON");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        List<String> runnable = new ArrayList<>();
        for (String c : candidates) {
            if (canRun(c)) {
                runnable.add(c);
                if (hasScientificStack(c)) {
                    return c;
                }
            }
        }
        if (runnable.isEmpty()) {
            throw new RunnerException(RunnerException.Kind.PYTHON_MISSING,
                    "no python3 found (tried " + String.join(", ", candidates) + "); install python3 or set FINK_PERF_PYTHON");
        }
        throw new RunnerException(RunnerException.Kind.PACKAGE_MISSING,
                "no python with numpy and pandas (tried " + String.join(", ", runnable)
                        + "); install python3-numpy python3-pandas or set FINK_PERF_PYTHON");
    }

    static boolean canRun(String python) {
        return exitCode(python, "-c", "pass") == 0;
    }

    static boolean hasScientificStack(String python) {
        return exitCode(python, "-c", "import numpy, pandas") == 0;
    }

    private static int exitCode(String... cmd) {
        if (cmd[0].contains("/") && !Files.isExecutable(Path.of(cmd[0]))) {
            return -1;
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
