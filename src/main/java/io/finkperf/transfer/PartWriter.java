package io.finkperf.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** Writes one part file of alerts, fsynced before it returns. */
interface PartWriter {

    void write(Path file, Schema schema, List<GenericRecord> alerts) throws IOException;

    static PartWriter of(OutputFormat format) {
        return format == OutputFormat.PARQUET ? new ParquetPartWriter() : new AvroPartWriter();
    }
}
