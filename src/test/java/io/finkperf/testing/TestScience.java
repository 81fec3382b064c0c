package io.finkperf.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A throw-away fink-science layout for tests: {@code fink_science/ztf/<module>/processor.py}. */
public final class TestScience {

    private TestScience() {
    }

    /** Writes {@code processor} as module {@code name} under {@code scienceDir}; returns the module's folder. */
    public static Path module(Path scienceDir, String name, String processor) throws IOException {
        Path pkg = Files.createDirectories(scienceDir.resolve("fink_science/ztf").resolve(name));
        Files.writeString(scienceDir.resolve("fink_science/__init__.py"), "__version__ = '0.0.1-test'\n");
        Files.writeString(scienceDir.resolve("fink_science/ztf/__init__.py"), "");
        Files.writeString(pkg.resolve("__init__.py"), "");
        Files.writeString(pkg.resolve("processor.py"), processor);
        return pkg;
    }
}
