package io.finkperf.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Decodes one partition's batch of messages and puts it on disk, one file per partition folder. */
final class BatchTask implements Callable<BatchResult> {

    private static final ThreadLocal<Map<Schema, AvroAlertDecoder>> DECODERS = ThreadLocal.withInitial(java.util.HashMap::new);

    private final int partition;
    private final int number;
    private final List<ConsumerRecord<byte[], byte[]>> messages;
    private final Schema schema;
    private final PartitionPath layout;
    private final FileNamer namer;
    private final PartWriter writer;
    private final DurableWriter durable;
    private final CrashPoint crash;
    private final String topic;

    BatchTask(int partition, int number, List<ConsumerRecord<byte[], byte[]>> messages, Schema schema, PartitionPath layout,
            FileNamer namer, PartWriter writer, DurableWriter durable, CrashPoint crash) {
        this.partition = partition;
        this.number = number;
        this.messages = messages;
        this.schema = schema;
        this.layout = layout;
        this.namer = namer;
        this.writer = writer;
        this.durable = durable;
        this.crash = crash;
        this.topic = namer.topic();
    }

    @Override
    public BatchResult call() {
        AvroAlertDecoder decoder = DECODERS.get().computeIfAbsent(schema, AvroAlertDecoder::new);
        Map<String, List<GenericRecord>> byFolder = new LinkedHashMap<>();
        TransferException error = null;
        long lastGood = -1;
        long bytes = 0;
        int n = 0;
        for (ConsumerRecord<byte[], byte[]> m : messages) {
            GenericRecord alert;
            try {
                alert = decoder.decode(m.value(), topic + " partition " + partition + " offset " + m.offset());
            } catch (TransferException e) {
                error = e;
                break;
            }
            byFolder.computeIfAbsent(layout.folderOf(alert), k -> new ArrayList<>()).add(layout.project(alert));
            lastGood = m.offset();
            bytes += m.serializedValueSize();
            n++;
        }
        if (n == 0) {
            return new BatchResult(partition, null, 0, 0, List.of(), error);
        }
        OffsetRange range = new OffsetRange(partition, messages.get(0).offset(), lastGood);
        List<Path> files = write(range, byFolder);
        return new BatchResult(partition, range, n, bytes, files, error);
    }

    private List<Path> write(OffsetRange range, Map<String, List<GenericRecord>> byFolder) {
        String name = namer.name(range);
        List<Path> temps = new ArrayList<>();
        try {
            for (Map.Entry<String, List<GenericRecord>> e : byFolder.entrySet()) {
                Path temp = durable.tempFor(e.getKey(), name);
                temps.add(temp);
                writer.write(temp, layout.fileSchema(), e.getValue());
            }
            crash.at(CrashPoint.Stage.TEMP_WRITTEN, number, range);
            durable.publish(range, temps, () -> crash.at(CrashPoint.Stage.JOURNALED, number, range));
        } catch (DurableWriter.Journaled e) {
            throw new TransferException(TransferException.Kind.OUTPUT, "cannot write " + name + " under " + durable.outDir()
                    + ": " + describe(e), e);
        } catch (IOException e) {
            for (Path t : temps) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException ignored) {
                    // the next run's recovery deletes it
                }
            }
            throw new TransferException(TransferException.Kind.OUTPUT, "cannot write " + name + " under " + durable.outDir()
                    + ": " + describe(e), e);
        }
        crash.at(CrashPoint.Stage.PUBLISHED, number, range);
        List<Path> finals = new ArrayList<>();
        for (Path t : temps) {
            finals.add(t.resolveSibling(name));
        }
        return finals;
    }

    static String describe(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("No space left") || m.contains("Disk quota")) {
            return "disk full (" + m + ")";
        }
        return e.getClass().getSimpleName() + ": " + m;
    }
}
