package io.finkperf.transfer;

import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * One alert from one message value: Spark's {@code to_avro} writes a single schemaless datum, with no
 * container header, magic byte or schema id. Every value starts with 0x00, the union branch of
 * {@code candid}/{@code diaSourceId}: it is data, so nothing is skipped. Not thread-safe (one per thread).
 */
public final class AvroAlertDecoder {

    private final Schema schema;
    private final GenericDatumReader<GenericRecord> reader;
    private BinaryDecoder decoder;

    public AvroAlertDecoder(Schema schema) {
        this.schema = schema;
        this.reader = new GenericDatumReader<>(schema);
    }

    public Schema schema() {
        return schema;
    }

    /** The alert, or a DECODE error naming where the message came from. */
    public GenericRecord decode(byte[] value, String where) {
        if (value == null) {
            throw new TransferException(TransferException.Kind.DECODE, where + ": empty message (null value)");
        }
        decoder = DecoderFactory.get().binaryDecoder(value, decoder);
        GenericRecord r;
        try {
            r = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new TransferException(TransferException.Kind.DECODE, where + ": does not decode with the topic's schema ("
                        + "bytes left over after the alert)");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof TransferException t) {
                throw t;
            }
            throw new TransferException(TransferException.Kind.DECODE, where + ": does not decode with the topic's schema ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        return r;
    }
}
