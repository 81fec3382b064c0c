package io.finkperf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package map of ARCHITECTURE.md, enforced: every import of a project class from another top-level
 * package must follow an allowed arrow. A new package must be added here (and to ARCHITECTURE.md).
 */
class ArchitectureTest {

    /** package → the packages it may import. {@code cli} may import everything; nothing imports {@code cli}. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("results", Set.of()),
            Map.entry("registry", Set.of()),
            Map.entry("files", Set.of()),
            Map.entry("base", Set.of()),
            Map.entry("batch", Set.of("files")),
            Map.entry("data", Set.of("base", "batch")),
            Map.entry("fetch", Set.of("base", "data", "files")),
            Map.entry("energy", Set.of("results")),
            Map.entry("runner", Set.of("base", "batch", "files", "registry", "results")),
            Map.entry("spark", Set.of("base", "batch", "data", "files", "registry", "results", "runner")),
            Map.entry("engine", Set.of("batch", "data", "energy", "files", "registry", "results", "runner", "spark")),
            Map.entry("compare", Set.of("base", "batch", "data", "engine", "files", "registry", "results", "runner")),
            Map.entry("report", Set.of("energy", "results")),
            Map.entry("gate", Set.of("results")),
            Map.entry("console", Set.of("engine", "runner")),
            Map.entry("history", Set.of("base", "files", "report", "results")),
            Map.entry("transfer", Set.of("base")),
            Map.entry("bench", Set.of("base", "batch", "compare", "data", "engine", "files", "registry", "results", "runner", "spark")),
            Map.entry("cli", Set.of("*")));

    static final Path SOURCES = Path.of(System.getProperty("finkperf.projectDir", "."), "src/main/java/io/finkperf");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.finkperf\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void everyPackageIsOnTheMap() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            dirs.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(ALLOWED.keySet()), packages,
                "packages on disk vs ArchitectureTest.ALLOWED (and ARCHITECTURE.md)");
    }

    @Test
    void importsFollowTheAllowedArrows() throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> wrong.addAll(violations(f)));
        }
        assertTrue(wrong.isEmpty(), "imports against ARCHITECTURE.md's arrows:\n" + String.join("\n", wrong));
    }

    @Test
    void theCheckSeesAWrongArrow() {
        assertEquals(List.of("results/X.java imports engine"),
                violations("results", "results/X.java", "package io.finkperf.results;\nimport io.finkperf.engine.ProfileEngine;\n"));
        assertEquals(List.of("engine/Y.java imports cli"),
                violations("engine", "engine/Y.java", "import static io.finkperf.cli.ExitCode.OK;\n"));
        assertEquals(List.of(), violations("cli", "cli/Z.java", "import io.finkperf.engine.ProfileEngine;\n"));
    }

    private static List<String> violations(Path file) {
        Path rel = SOURCES.relativize(file);
        try {
            return violations(rel.getName(0).toString(), rel.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> violations(String from, String where, String source) {
        Set<String> allowed = ALLOWED.getOrDefault(from, Set.of());
        List<String> wrong = new ArrayList<>();
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
            String to = m.group(1);
            if (!to.equals(from) && !allowed.contains("*") && !allowed.contains(to)) {
                wrong.add(where + " imports " + to);
            }
        }
        return wrong.stream().distinct().toList();
    }
}
