package io.finkperf.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved output is written by the module's process: read back, it must not reach outside its batch. */
class BatchColumnValuesTest {

    private static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("score", DataTypes.DoubleType, true),
            DataTypes.createStructField("objectId", DataTypes.StringType, true)));

    @TempDir
    Path tmp;

    private Path batch() {
        Path out = tmp.resolve("out");
        List<InternalRow> rows = List.of(new GenericInternalRow(new Object[] {0.5, UTF8String.fromString("ZTF1")}),
                new GenericInternalRow(new Object[] {null, UTF8String.fromString("ZTF2")}));
        BatchWriter.writeRows(rows.iterator(), SCHEMA, out, 1, "mem", "ztf");
        return out;
    }

    @Test
    void readsEveryChunkInOrderWithNulls() {
        Path b = batch();
        assertEquals(Optional.of(Arrays.asList(0.5, null)), BatchColumnValues.read(b, "score"));
        assertEquals(Optional.of(List.of("ZTF1", "ZTF2")), BatchColumnValues.read(b, "objectId"));
        assertEquals(Optional.empty(), BatchColumnValues.read(b, "nope"));
    }

    @Test
    void aValuesFileThatIsALinkIsRefused() throws Exception {
        Path b = batch();
        Path values = b.resolve("chunk-00001/score.values.npy");
        Path secret = Files.writeString(tmp.resolve("secret.npy"), "host file");
        Files.delete(values);
        Files.createSymbolicLink(values, secret);
        BatchFormatException e = assertThrows(BatchFormatException.class, () -> BatchColumnValues.read(b, "score"));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    }

    @Test
    void aChunkDirOutsideTheBatchIsRefused() throws Exception {
        Path b = batch();
        Path manifest = b.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"chunk-00001\"", "\"../../etc\""));
        assertThrows(BatchFormatException.class, () -> BatchColumnValues.read(b, "score"));
    }
}
