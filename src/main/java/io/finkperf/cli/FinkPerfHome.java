package io.finkperf.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the bundled files live: the launcher passes it; tests and IDEs fall back to the working dir. */
public final class FinkPerfHome {

    private FinkPerfHome() {
    }

    public static Path get() {
        String prop = System.getProperty("finkperf.home");
        if (prop == null || prop.isBlank()) {
            prop = System.getenv("FINK_PERF_HOME");
        }
        if (prop == null || prop.isBlank()) {
            prop = System.getProperty("finkperf.projectDir", ".");
        }
        return Path.of(prop).toAbsolutePath().normalize();
    }

    public static Path examplesScience() {
        return get().resolve("examples").resolve("science");
    }

    public static Path driverDir() {
        return get().resolve("python");
    }

    public static Path registry(String name) {
        return get().resolve("registry").resolve(name);
    }

    public static Path defaultData(String survey) {
        return "rubin".equals(survey) ? get().resolve("datasets/rubin/rubin_sample.parquet")
                : get().resolve("datasets/ztf/ftransfer_sample_72.parquet");
    }

    static boolean sameDir(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (Exception e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
