package io.finkperf.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Loads alerts into a broker as Fink's service does: {@code <topic>_schema} with the schema JSON as
 * message key, and {@code <topic>} with 10 partitions, one schemaless Avro datum per message, key = topic
 * name, partition drawn at random (seeded).
 */
public final class TransferTopics {

    public record Fixture(Schema schema, List<GenericRecord> alerts) {
    }

    private TransferTopics() {
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("finkperf.projectDir", "."));
    }

    public static Fixture ztf() throws IOException {
        return read(projectDir().resolve("datasets/transfer/ztf/part-3-305711.avro"));
    }

    public static Fixture lsst() throws IOException {
        return read(projectDir().resolve("datasets/transfer/lsst/part-2-918301.avro"));
    }

    public static Fixture read(Path container) throws IOException {
        try (DataFileReader<GenericRecord> r = new DataFileReader<>(container.toFile(), new GenericDatumReader<>())) {
            List<GenericRecord> out = new ArrayList<>();
            r.forEach(out::add);
            return new Fixture(r.getSchema(), out);
        }
    }

    /** {@code n} copies of the fixture alerts cycled, each with a distinct id in {@code idField}, as the topic's alerts. */
    public static List<GenericRecord> replicate(Fixture f, String idField, int n) {
        List<GenericRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            GenericRecord src = f.alerts().get(i % f.alerts().size());
            GenericData.Record copy = new GenericData.Record((GenericData.Record) src, false);
            copy.put(idField, 1_000_000_000_000L + i);
            out.add(copy);
        }
        return out;
    }

    public static byte[] encode(Schema schema, GenericRecord alert) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 << 10);
        BinaryEncoder enc = EncoderFactory.get().directBinaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(schema).write(alert, enc);
        enc.flush();
        return bytes.toByteArray();
    }

    /** Creates and fills both topics; returns how many alerts went to each partition. */
    public static int[] load(EmbeddedKafka kafka, String topic, Schema schema, List<GenericRecord> alerts, long seed) throws Exception {
        kafka.createTopics(Map.of(topic, 10, TopicSchemaReader.schemaTopic(topic), 10));
        Random rnd = new Random(seed);
        int[] perPartition = new int[10];
        byte[] key = topic.getBytes(StandardCharsets.UTF_8);
        byte[] schemaJson = schema.toString().getBytes(StandardCharsets.UTF_8);
        GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(schema);
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
            for (int i = 0; i < 3; i++) {
                sent.add(p.send(new ProducerRecord<>(TopicSchemaReader.schemaTopic(topic), rnd.nextInt(10), schemaJson, new byte[0])));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 << 10);
            BinaryEncoder enc = null;
            for (GenericRecord a : alerts) {
                bytes.reset();
                enc = EncoderFactory.get().binaryEncoder(bytes, enc);
                writer.write(a, enc);
                enc.flush();
                int part = rnd.nextInt(10);
                perPartition[part]++;
                sent.add(p.send(new ProducerRecord<>(topic, part, key, bytes.toByteArray())));
            }
            p.flush();
        }
        for (java.util.concurrent.Future<?> f : sent) {
            f.get(); // a failed send would otherwise only show as missing alerts
        }
        return perPartition;
    }

    public static void send(EmbeddedKafka kafka, String topic, int partition, byte[] value) throws Exception {
        try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
            p.send(new ProducerRecord<>(topic, partition, topic.getBytes(StandardCharsets.UTF_8), value)).get();
        }
    }
}
