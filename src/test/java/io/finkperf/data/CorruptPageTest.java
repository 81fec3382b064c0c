package io.finkperf.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A parquet file whose footer is intact but whose data pages are not: found while writing the batch. */
class CorruptPageTest extends LocalSparkTest {

    @TempDir
    Path tmp;

    @Test
    void aCorruptDataPageIsBadDataInOneLine() throws Exception {
        byte[] data = Files.readAllBytes(TestData.ZTF_FTRANSFER);
        for (int i = 8; i < data.length / 2; i += 3) {
            data[i] ^= 0x5a; // the first half holds column chunks; the footer (schema) stays readable
        }
        Path corrupt = Files.write(tmp.resolve("corrupt.parquet"), data);

        try (AlertData alerts = AlertData.open(corrupt, Survey.ZTF, spark)) {
            DataException e = assertThrows(DataException.class,
                    () -> alerts.writeBatch(List.of("cjd", "cmagpsf", "objectId"), 0, tmp.resolve("batch"), 10_000));
            assertEquals(DataException.Kind.CORRUPT, e.kind());
            assertTrue(e.getMessage().startsWith("corrupt data in " + corrupt + ": "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
