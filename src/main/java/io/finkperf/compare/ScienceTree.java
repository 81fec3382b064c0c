package io.finkperf.compare;

import io.finkperf.registry.ModuleSpec;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a module's source sits in a fink-science checkout, to tell new and removed modules apart. */
public final class ScienceTree {

    private ScienceTree() {
    }

    /** True when {@code a.b.c} of the module's entry is {@code a/b/c.py} or {@code a/b/c/__init__.py} under the folder. */
    public static boolean hasModule(Path science, ModuleSpec m) {
        Path p = science;
        for (String part : m.modulePath().split("\\.")) {
            p = p.resolve(part);
        }
        return Files.isRegularFile(p.resolveSibling(p.getFileName() + ".py")) || Files.isRegularFile(p.resolve("__init__.py"));
    }
}
