package io.finkperf.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

    /** FIPS 180-2's example "abc". */
    static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hashesTextAndFilesAsLowerCaseHex(@TempDir Path tmp) throws IOException {
        assertEquals(ABC, Sha256.of("abc"));
        Path f = Files.writeString(tmp.resolve("abc.txt"), "abc");
        assertEquals(ABC, Sha256.of(f));
        var d = Sha256.digest();
        d.update("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(ABC, Sha256.hex(d));
    }

    @Test
    void parsesAPinnedChecksum() {
        assertEquals(ABC, Sha256.parse(" sha256:" + ABC.toUpperCase(java.util.Locale.ROOT) + " "));
        assertNull(Sha256.parse("  "));
        var e = assertThrows(IllegalArgumentException.class, () -> Sha256.parse("abc"));
        assertEquals("--sha256 must be 64 hex digits, got 'abc'", e.getMessage());
    }
}
