package io.finkperf.transfer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Tells "the servers do not answer" from "the topic does not exist", each within the timeout. */
final class TopicChecks {

    private TopicChecks() {
    }

    /** The topic's partitions; {@code missing} is the kind thrown when the servers answer but lack the topic. */
    static List<PartitionInfo> partitions(Consumer<?, ?> consumer, String topic, Duration timeout, TransferException.Kind missing) {
        Map<String, List<PartitionInfo>> topics;
        try {
            topics = consumer.listTopics(timeout);
        } catch (TimeoutException e) {
            throw unreachable(timeout, e);
        }
        List<PartitionInfo> infos = topics.get(topic);
        if (infos == null || infos.isEmpty()) {
            try {
                infos = consumer.partitionsFor(topic, timeout);
            } catch (UnknownTopicOrPartitionException e) {
                infos = List.of();
            } catch (TimeoutException e) {
                throw unreachable(timeout, e);
            }
        }
        if (infos == null || infos.isEmpty()) {
            throw new TransferException(missing, missing == TransferException.Kind.NO_SCHEMA
                    ? "no schema found: topic " + topic + " does not exist"
                    : "unknown topic " + topic + " (Fink keeps transfer topics 7 days; check the name on the portal)");
        }
        return infos;
    }

    static TransferException unreachable(Duration timeout, KafkaException e) {
        return new TransferException(TransferException.Kind.UNREACHABLE, "Kafka servers did not answer within "
                + timeout.toSeconds() + " s (--timeout): " + e.getMessage(), e);
    }
}
