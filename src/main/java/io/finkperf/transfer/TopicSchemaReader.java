package io.finkperf.transfer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The Avro schema of a Data Transfer topic, from {@code <topic>_schema}, whose message keys hold it as
 * JSON. Read with assign + seek on a consumer without a group: unlike Fink's client, which subscribes
 * with the user's group and so uses up one of the ~1000 copies per run, this never commits.
 */
public final class TopicSchemaReader {

    private TopicSchemaReader() {
    }

    public static String schemaTopic(String topic) {
        return topic + "_schema";
    }

    public static Schema read(Consumer<byte[], byte[]> consumer, String topic, Duration timeout) {
        String st = schemaTopic(topic);
        List<PartitionInfo> infos = TopicChecks.partitions(consumer, st, timeout, TransferException.Kind.NO_SCHEMA);
        List<TopicPartition> tps = infos.stream().map(i -> new TopicPartition(st, i.partition())).toList();
        consumer.assign(tps);
        consumer.seekToBeginning(tps);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(tps, timeout);
        Map<TopicPartition, Long> end = consumer.endOffsets(tps, timeout);
        if (tps.stream().allMatch(tp -> end.get(tp) <= begin.get(tp))) {
            throw new TransferException(TransferException.Kind.NO_SCHEMA, "no schema found: " + st + " holds no message");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerRecords<byte[], byte[]> recs = consumer.poll(Duration.ofMillis(200));
            for (ConsumerRecord<byte[], byte[]> r : recs) {
                return parse(r.key(), st);
            }
        }
        throw new TransferException(TransferException.Kind.NO_SCHEMA, "no schema found: no message of " + st + " arrived within "
                + timeout.toSeconds() + " s (--timeout)");
    }

    static Schema parse(byte[] key, String schemaTopic) {
        if (key == null || key.length == 0) {
            throw new TransferException(TransferException.Kind.NO_SCHEMA, "no schema found: the first message of " + schemaTopic
                    + " has no key (the key should hold the Avro schema)");
        }
        Schema s;
        try {
            s = new Schema.Parser().parse(new String(key, StandardCharsets.UTF_8));
        } catch (SchemaParseException e) {
            throw new TransferException(TransferException.Kind.NO_SCHEMA, "no schema found: the key of " + schemaTopic
                    + " is not an Avro schema (" + e.getMessage() + ")", e);
        }
        if (s.getType() != Schema.Type.RECORD) {
            throw new TransferException(TransferException.Kind.NO_SCHEMA, "the schema in " + schemaTopic + " is a "
                    + s.getType() + ", not a record");
        }
        return s;
    }
}
