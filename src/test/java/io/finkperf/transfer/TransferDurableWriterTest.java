package io.finkperf.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing that fails once the journal is durable leaves the batch to the next run's recovery. */
class TransferDurableWriterTest {

    @TempDir
    Path out;

    @Test
    void aRenameThatFailsAfterTheJournalKeepsTheTemporariesAndRecoveryPutsThemInPlace() throws Exception {
        FileNamer namer = new FileNamer("ftransfer_ztf_2026-03-23_1", OutputFormat.AVRO);
        DurableWriter durable = new DurableWriter(out, namer);
        OffsetRange range = new OffsetRange(2, 40, 49);
        String name = namer.name(range);
        Path a = durable.tempFor("finkclass=A", name);
        Path b = durable.tempFor("finkclass=B", name);
        Files.writeString(a, "a");
        Files.writeString(b, "b");
        Path squatter = out.resolve("finkclass=B").resolve(name); // a non-empty folder on b's final name: rename fails
        Files.createDirectories(squatter);
        Files.writeString(squatter.resolve("x"), "x");

        DurableWriter.Journaled e = assertThrows(DurableWriter.Journaled.class, () -> durable.publish(range, List.of(a, b), () -> { }));
        assertTrue(e.getMessage().contains("the next run finishes it"), e.getMessage());
        assertTrue(Files.exists(out.resolve(DurableWriter.JOURNAL_DIR).resolve(namer.journalName(range))), "journal kept");
        assertTrue(Files.exists(b), "temporary named by the journal kept");

        Files.delete(squatter.resolve("x"));
        Files.delete(squatter);
        durable.recover();
        assertEquals("a", Files.readString(out.resolve("finkclass=A").resolve(name)));
        assertEquals("b", Files.readString(out.resolve("finkclass=B").resolve(name)));
        assertTrue(!Files.exists(a) && !Files.exists(b));
        assertEquals(Map.of(2, 50L), durable.nextOffsetsOnDisk());
    }
}
