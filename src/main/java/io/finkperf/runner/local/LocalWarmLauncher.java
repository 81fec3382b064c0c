package io.finkperf.runner.local;

import io.finkperf.runner.WarmLauncher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Warm modules as Python processes on this host; the JVM reads their clocks in /proc. */
public final class LocalWarmLauncher implements WarmLauncher {

    private final String python;
    private final Path driverDir;

    /** @param driverDir the folder holding the {@code fink_perf_driver} package */
    public LocalWarmLauncher(String python, Path driverDir) {
        this.python = python;
        this.driverDir = driverDir.toAbsolutePath();
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Process start(String name, Path specFile, List<Path> readOnly, List<Path> writable, Path stderrLog) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(python, "-m", "fink_perf_driver.warm", specFile.toString());
        Map<String, String> env = pb.environment();
        // module code runs here: the same reduced environment as LocalRunner's, no CI credentials
        env.clear();
        env.putAll(ModuleEnvironment.forDriver(driverDir, System.getenv()));
        env.putAll(WarmLauncher.SAME_FOR_ALL);
        return pb.redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile())).start();
    }

    @Override
    public OptionalLong hostPid(Process process, String name, long pidInside) {
        return OptionalLong.of(process.pid());
    }
}
