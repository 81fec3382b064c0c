package io.finkperf.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.files.UntrustedFiles.UntrustedFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UntrustedFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"..", "../x", "a/b", ".hidden", "", "a\u0000b", "x..y"})
    void rejectsNamesThatAreNotPlain(String name) {
        assertThrows(UntrustedFileException.class, () -> UntrustedFiles.plainName(name, "chunk folder"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"chunk-00000", "candidate.ra.values.npy", "rf_snia_vs_nonia.valid.npy"})
    void acceptsPlainNames(String name) {
        assertEquals(name, UntrustedFiles.plainName(name, "x"));
    }

    @Test
    void neverFollowsALinkAtAnyLevel() throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.txt"), "secret");
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createSymbolicLink(root.resolve("result.json"), outside);
        Files.createSymbolicLink(root.resolve("sub"), dir);

        var e = assertThrows(UntrustedFileException.class, () -> UntrustedFiles.read(root.resolve("result.json"), 100));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertThrows(UntrustedFileException.class, () -> UntrustedFiles.regularFile(root, "sub", "outside.txt"));
        assertThrows(UntrustedFileException.class, () -> UntrustedFiles.copy(root.resolve("result.json"),
                dir.resolve("copy"), 100));
    }

    @Test
    void capsSizesAndParsesJsonStrictly() throws Exception {
        Path big = Files.write(dir.resolve("big.json"), new byte[1001]);
        assertTrue(assertThrows(UntrustedFileException.class, () -> UntrustedFiles.read(big, 1000))
                .getMessage().contains("1001 bytes, more than the 1000 allowed"));
        Path dup = Files.writeString(dir.resolve("dup.json"), "{\"a\": 1, \"a\": 2}");
        assertThrows(UntrustedFileException.class, () -> UntrustedFiles.readJson(dup, 1000));
        Path trailing = Files.writeString(dir.resolve("t.json"), "{\"a\": 1} {\"b\": 2}");
        assertThrows(UntrustedFileException.class, () -> UntrustedFiles.readJson(trailing, 1000));
        Path ok = Files.writeString(dir.resolve("ok.json"), "{\"a\": 1}");
        assertEquals(1, UntrustedFiles.readJson(ok, 1000).path("a").asInt());
        UntrustedFiles.copy(ok, dir.resolve("ok-copy.json"), 1000);
        assertArrayEquals(Files.readAllBytes(ok), Files.readAllBytes(dir.resolve("ok-copy.json")));
    }
}
