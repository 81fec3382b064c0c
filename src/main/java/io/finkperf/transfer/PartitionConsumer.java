package io.finkperf.transfer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Every partition of the data topic, assigned (never subscribed: no rebalance can take a partition
 * away mid-batch) and positioned at the first offset not yet safely on disk. A partition ends at its
 * end offset as seen at start, not at the first empty poll, which a slow broker can also produce.
 */
public final class PartitionConsumer implements AutoCloseable {

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final Duration timeout;
    private final Map<Integer, TopicPartition> tps = new TreeMap<>();
    private final Map<Integer, Long> start = new TreeMap<>();
    private final Map<Integer, Long> end = new TreeMap<>();

    /**
     * Starts each partition at the furthest of its committed offset and {@code onDisk} (what files
     * of this topic in the output folder already hold: a run killed between rename and commit);
     * commits the latter when it is ahead, so the group's lag is right for Fink's tools too.
     */
    public PartitionConsumer(Consumer<byte[], byte[]> consumer, String topic, Duration timeout, Map<Integer, Long> onDisk) {
        this.consumer = consumer;
        this.topic = topic;
        this.timeout = timeout;
        try {
            for (PartitionInfo i : TopicChecks.partitions(consumer, topic, timeout, TransferException.Kind.UNKNOWN_TOPIC)) {
                tps.put(i.partition(), new TopicPartition(topic, i.partition()));
            }
            Set<TopicPartition> all = Set.copyOf(tps.values());
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(all, timeout);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(all, timeout);
            Map<TopicPartition, Long> ends = consumer.endOffsets(all, timeout);
            consumer.assign(all);
            for (Map.Entry<Integer, TopicPartition> e : tps.entrySet()) {
                TopicPartition tp = e.getValue();
                OffsetAndMetadata c = committed.get(tp);
                long fromGroup = c == null ? 0 : c.offset();
                long disk = onDisk.getOrDefault(e.getKey(), 0L);
                long s = Math.max(Math.max(fromGroup, disk), begin.get(tp));
                start.put(e.getKey(), s);
                end.put(e.getKey(), ends.get(tp));
                consumer.seek(tp, s);
                if (disk > fromGroup) {
                    commit(e.getKey(), disk);
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw TopicChecks.unreachable(timeout, e);
        }
    }

    public List<Integer> partitions() {
        return new ArrayList<>(tps.keySet());
    }

    public long start(int partition) {
        return start.get(partition);
    }

    public long end(int partition) {
        return end.get(partition);
    }

    public Map<Integer, Long> ends() {
        return Collections.unmodifiableMap(end);
    }

    public long position(int partition) {
        return consumer.position(tps.get(partition), timeout);
    }

    public ConsumerRecords<byte[], byte[]> poll(Duration d) {
        try {
            return consumer.poll(d);
        } catch (KafkaException e) {
            throw new TransferException(TransferException.Kind.UNREACHABLE, "reading " + topic + " failed: " + e.getMessage(), e);
        }
    }

    /** Records that {@code nextOffset} is the partition's next offset to read: everything before it is on disk. */
    public void commit(int partition, long nextOffset) {
        try {
            consumer.commitSync(Map.of(tps.get(partition), new OffsetAndMetadata(nextOffset)), timeout);
        } catch (KafkaException e) {
            throw new TransferException(TransferException.Kind.UNREACHABLE, "committing offset " + nextOffset + " of " + topic
                    + " partition " + partition + " failed (the file is written; a rerun picks it up): " + e.getMessage(), e);
        }
    }

    public void pause(int partition) {
        consumer.pause(List.of(tps.get(partition)));
    }

    public void resume(int partition) {
        consumer.resume(List.of(tps.get(partition)));
    }

    @Override
    public void close() {
        consumer.close(java.time.Duration.ofSeconds(5));
    }
}
