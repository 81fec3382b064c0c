package io.finkperf.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/** An Avro container file with the topic's schema and the null codec, as Fink's client writes. */
final class AvroPartWriter implements PartWriter {

    @Override
    public void write(Path file, Schema schema, List<GenericRecord> alerts) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
            OutputStream out = new java.io.BufferedOutputStream(Channels.newOutputStream(ch), 1 << 20) {
                @Override
                public void close() throws IOException {
                    flush(); // the channel is closed (after fsync) by the outer try
                }
            };
            try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
                w.setCodec(CodecFactory.nullCodec());
                w.create(schema, out);
                for (GenericRecord a : alerts) {
                    w.append(a);
                }
            }
            ch.force(true);
        }
    }
}
