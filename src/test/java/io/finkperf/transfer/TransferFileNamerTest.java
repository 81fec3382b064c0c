package io.finkperf.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransferFileNamerTest {

    static final String TOPIC = "ftransfer_ztf_2024-07-16_682277";
    final FileNamer namer = new FileNamer(TOPIC, OutputFormat.PARQUET);

    @Test
    void nameSaysTopicPartitionAndOffsets() {
        assertEquals(TOPIC + "-p03-000000000100-000000000199.parquet", namer.name(new OffsetRange(3, 100, 199)));
        assertEquals(TOPIC + "-p12-000000000000-000000000000.avro",
                new FileNamer(TOPIC, OutputFormat.AVRO).name(new OffsetRange(12, 0, 0)));
    }

    @Test
    void namesParseBackToTheirRangeInAnyFormat() {
        OffsetRange r = new OffsetRange(7, 12345, 12400);
        assertEquals(Optional.of(r), namer.parse(namer.name(r)));
        assertEquals(Optional.of(r), namer.parse(new FileNamer(TOPIC, OutputFormat.AVRO).name(r)));
    }

    @Test
    void otherFilesAreNotParts() {
        assertEquals(Optional.empty(), namer.parse("part-1-305711.parquet"));
        assertEquals(Optional.empty(), namer.parse("ftransfer_ztf_2024-07-16_1-p03-000000000100-000000000199.parquet"));
        assertEquals(Optional.empty(), namer.parse(FileNamer.tempName(namer.name(new OffsetRange(1, 0, 1)))));
        assertEquals(Optional.empty(), namer.parse(TOPIC + "-p03-000000000199-000000000100.parquet"));
    }

    @Test
    void tempNamesAreHiddenAndRecognised() {
        String t = FileNamer.tempName(namer.name(new OffsetRange(1, 0, 9)));
        assertTrue(t.startsWith("."));
        assertTrue(namer.isTemp(t));
        assertFalse(namer.isTemp(namer.name(new OffsetRange(1, 0, 9))));
    }

    @Test
    void namesSortInOffsetOrder() {
        assertTrue(namer.name(new OffsetRange(0, 9, 9)).compareTo(namer.name(new OffsetRange(0, 10, 10))) < 0);
    }
}
