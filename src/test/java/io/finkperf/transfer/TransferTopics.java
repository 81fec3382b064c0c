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
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            records.add(new ProducerRecord<>(TopicSchemaReader.schemaTopic(topic), rnd.nextInt(10), schemaJson, new byte[0]));
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
            records.add(new ProducerRecord<>(topic, part, key, bytes.toByteArray()));
        }
        produce(kafka, records);
        return perPartition;
    }

    public static void send(EmbeddedKafka kafka, String topic, int partition, byte[] value) throws Exception {
        produce(kafka, List.of(new ProducerRecord<>(topic, partition, topic.getBytes(StandardCharsets.UTF_8), value)));
    }

    /**
     * Sends every record exactly once: the producer does not retry (see EmbeddedKafka#producer), and the
     * records a fresh topic rejects (not leader yet: nothing was appended) are sent again here.
     */
    static void produce(EmbeddedKafka kafka, List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        List<ProducerRecord<byte[], byte[]>> pending = records;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == 20) {
                throw new IllegalStateException(pending.size() + " records still rejected after 20 attempts");
            }
            List<ProducerRecord<byte[], byte[]>> failed = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Exception> fatal = java.util.Collections.synchronizedList(new ArrayList<>());
            try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
                for (ProducerRecord<byte[], byte[]> r : pending) {
                    p.send(r, (md, e) -> {
                        if (e instanceof org.apache.kafka.common.errors.NotLeaderOrFollowerException
                                || e instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                            failed.add(r);
                        } else if (e != null) {
                            fatal.add(e);
                        }
                    });
                }
                p.flush();
            }
            if (!fatal.isEmpty()) {
                throw fatal.get(0);
            }
            pending = new ArrayList<>(failed);
            if (!pending.isEmpty()) {
                Thread.sleep(200);
            }
        }
    }
}
