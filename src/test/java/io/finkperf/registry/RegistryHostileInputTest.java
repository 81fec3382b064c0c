package io.finkperf.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A registry can come from a pull request: bounded before parsing, names that can only be plain file names. */
class RegistryHostileInputTest {

    @TempDir
    Path tmp;

    static String registry(String name, String output) {
        return "schema: fink-perf/registry/1\nsurvey: ztf\nmodules:\n"
                + "  - name: '" + name + "'\n    entry: a.b:c\n    type: feature\n    args: [cjd]\n    output: '" + output + "'\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../x", "a/b", "..", ".hidden", "a..b"})
    void moduleNamesThatWouldLeaveTheirFolderAreRefused(String name) throws Exception {
        Path f = Files.writeString(tmp.resolve("r.yaml"), registry(name, "out"));
        RegistryException e = assertThrows(RegistryException.class, () -> RegistryLoader.load(f));
        assertTrue(e.getMessage().contains("field 'name'") && e.getMessage().contains("not a plain module name"),
                e.getMessage());
    }

    @Test
    void outputColumnsAreColumnNames() throws Exception {
        Path f = Files.writeString(tmp.resolve("r.yaml"), registry("ok", "../../etc/x"));
        RegistryException e = assertThrows(RegistryException.class, () -> RegistryLoader.load(f));
        assertTrue(e.getMessage().contains("'output': malformed column name"), e.getMessage());
    }

    @Test
    void aHugeFileIsRefusedBeforeParsing() throws Exception {
        Path f = tmp.resolve("huge.yaml");
        Files.writeString(f, "schema: fink-perf/registry/1\nsurvey: ztf\ndescription: " + "x".repeat(16 << 20) + "\n");
        RegistryException e = assertThrows(RegistryException.class, () -> RegistryLoader.load(f));
        assertTrue(e.getMessage().contains("more than the 1048576 allowed"), e.getMessage());
    }

    @Test
    void aYamlSyntaxErrorNamesTheLine() throws Exception {
        Path f = Files.writeString(tmp.resolve("r.yaml"), "schema: fink-perf/registry/1\nsurvey: ztf\nmodules:\n  - name: [x\n");
        RegistryException e = assertThrows(RegistryException.class, () -> RegistryLoader.load(f));
        assertTrue(e.getMessage().startsWith(f + ": not valid YAML/JSON at line "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
