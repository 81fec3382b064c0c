package io.finkperf.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet through parquet-avro: column types come from the topic's Avro schema (as fink-client #243
 * does with pyarrow), never inferred from values. Lists use the standard 3-level layout, as pyarrow
 * and Spark write them; snappy, as pyarrow's default.
 */
final class ParquetPartWriter implements PartWriter {

    private static final Configuration CONF = conf();

    private static Configuration conf() {
        Configuration c = new Configuration(false);
        c.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, false);
        return c;
    }

    @Override
    public void write(Path file, Schema schema, List<GenericRecord> alerts) throws IOException {
        try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new LocalParquetFile(file))
                .withSchema(schema)
                .withDataModel(GenericData.get())
                .withConf(CONF)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            for (GenericRecord a : alerts) {
                w.write(a);
            }
        }
    }
}
