package io.finkperf.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * One Data Transfer run: the schema from {@code <topic>_schema}, then every partition from its first
 * offset not on disk to its end offset at start (or {@code limit} alerts), in batches written by a
 * pool of threads, at most one batch per partition at a time, so a partition's offsets are committed
 * in order and only once the batch's files are durably in place.
 */
public final class Transfer {

    private static final Duration POLL = Duration.ofMillis(200);

    private final TransferRequest req;
    private final TransferProgress progress;
    private final CrashPoint crash;

    public Transfer(TransferRequest req, TransferProgress progress, CrashPoint crash) {
        this.req = req;
        this.progress = progress;
        this.crash = crash;
    }

    public TransferSummary run() {
        long t0 = System.nanoTime();
        FileNamer namer = new FileNamer(req.topic(), req.format());
        DurableWriter durable = new DurableWriter(req.outDir(), namer);
        Map<Integer, Long> onDisk;
        try {
            Files.createDirectories(req.outDir());
            durable.recover();
            onDisk = durable.nextOffsetsOnDisk();
        } catch (IOException e) {
            throw new TransferException(TransferException.Kind.OUTPUT, "cannot prepare " + req.outDir() + ": "
                    + BatchTask.describe(e), e);
        }
        Schema schema;
        try (KafkaConsumer<byte[], byte[]> c = consumer(null)) {
            // the data topic first: "unknown topic" says more than "no schema" when the name is wrong
            TopicChecks.partitions(c, req.topic(), req.timeout(), TransferException.Kind.UNKNOWN_TOPIC);
            schema = TopicSchemaReader.read(c, req.topic(), req.timeout());
        }
        PartitionPath layout = PartitionPath.of(req.partitionBy(), req.survey(), schema);
        try (PartitionConsumer pc = new PartitionConsumer(consumer(req.groupId()), req.topic(), req.timeout(), onDisk)) {
            Run run = new Run(pc, schema, layout, namer, durable);
            run.loop();
            TransferSummary s = new TransferSummary(req.topic(), durable.outDir(), layout.effective(), run.alerts, run.bytes,
                    run.files, System.nanoTime() - t0, run.lags());
            progress.finished(s);
            return s;
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer(String group) {
        Properties p = KafkaSettings.consumer(req.servers(), group, req.timeout(), Math.max(500, req.batchSize()));
        try {
            return new KafkaConsumer<>(p);
        } catch (KafkaException e) {
            throw new TransferException(TransferException.Kind.UNREACHABLE, "cannot reach Kafka at " + req.servers() + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
    }

    /** The state of one run's loop; lives on the consumer's thread, except the tasks it submits. */
    private final class Run {

        private final PartitionConsumer pc;
        private final Schema schema;
        private final PartitionPath layout;
        private final FileNamer namer;
        private final DurableWriter durable;
        private final PartWriter writer;
        private final Map<Integer, Deque<ConsumerRecord<byte[], byte[]>>> buffers = new TreeMap<>();
        private final Map<Integer, Future<BatchResult>> inFlight = new HashMap<>();
        private final Map<Integer, Integer> numbers = new HashMap<>();
        private final java.util.Set<Integer> stopped = new java.util.HashSet<>(); // at a message that does not decode
        private final Map<Integer, Long> next = new TreeMap<>(); // next offset to hand to a batch
        private final Map<Integer, Long> committed = new TreeMap<>();
        private final ExecutorService pool;
        private long accepted;
        private long alerts;
        private long bytes;
        private int files;
        private int batches;
        private TransferException failure;

        Run(PartitionConsumer pc, Schema schema, PartitionPath layout, FileNamer namer, DurableWriter durable) {
            this.pc = pc;
            this.schema = schema;
            this.layout = layout;
            this.namer = namer;
            this.durable = durable;
            this.writer = PartWriter.of(req.format());
            this.pool = Executors.newFixedThreadPool(req.writerThreads(), r -> {
                Thread t = new Thread(r, "fink-transfer-writer");
                t.setDaemon(true);
                return t;
            });
            for (int p : pc.partitions()) {
                buffers.put(p, new ArrayDeque<>());
                next.put(p, pc.start(p));
                committed.put(p, pc.start(p));
            }
            progress.started(req.topic(), committed, pc.ends(), layout.effective());
        }

        void loop() {
            long lastData = System.nanoTime();
            try {
                while (true) {
                    collect();
                    submitReady();
                    if (finished()) {
                        break;
                    }
                    if (allRead() || limitReached()) {
                        waitForOneBatch();
                        continue;
                    }
                    ConsumerRecords<byte[], byte[]> recs = pc.poll(POLL);
                    if (!recs.isEmpty()) {
                        lastData = System.nanoTime();
                        accept(recs);
                    } else if (inFlight.isEmpty() && System.nanoTime() - lastData > req.timeout().toNanos()) {
                        throw new TransferException(TransferException.Kind.UNREACHABLE, "no data from " + req.topic()
                                + " for " + req.timeout().toSeconds() + " s (--timeout) with " + remaining()
                                + " alerts left to read; what was written is kept, rerun to resume");
                    }
                }
                drain();
                if (failure != null) {
                    throw failure;
                }
            } catch (RuntimeException e) {
                pool.shutdownNow(); // as a kill would: batches in flight are left to the next run's recovery
                awaitPool();
                throw e;
            } finally {
                pool.shutdownNow();
            }
        }

        private void accept(ConsumerRecords<byte[], byte[]> recs) {
            for (TopicPartition tp : recs.partitions()) {
                int p = tp.partition();
                if (stopped.contains(p)) {
                    continue;
                }
                long end = pc.end(p);
                Deque<ConsumerRecord<byte[], byte[]>> buf = buffers.get(p);
                for (ConsumerRecord<byte[], byte[]> r : recs.records(tp)) {
                    if (r.offset() >= end || limitReached()) {
                        break;
                    }
                    buf.addLast(r);
                    accepted++;
                }
                if (buf.size() >= req.batchSize() && inFlight.containsKey(p)) {
                    pc.pause(p); // one batch per partition in flight keeps commits in order
                }
                if (!buf.isEmpty() && buf.peekLast().offset() >= end - 1) {
                    pc.pause(p);
                }
            }
        }

        /** Starts a batch on every free partition that has a full batch, or its last alerts. */
        private void submitReady() {
            for (Map.Entry<Integer, Deque<ConsumerRecord<byte[], byte[]>>> e : buffers.entrySet()) {
                int p = e.getKey();
                Deque<ConsumerRecord<byte[], byte[]>> buf = e.getValue();
                if (buf.isEmpty() || inFlight.containsKey(p)) {
                    continue;
                }
                boolean last = limitReached() || partitionRead(p);
                if (buf.size() < req.batchSize() && !last) {
                    continue;
                }
                List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(Math.min(buf.size(), req.batchSize()));
                while (!buf.isEmpty() && batch.size() < req.batchSize()) {
                    batch.add(buf.pollFirst());
                }
                next.put(p, batch.get(batch.size() - 1).offset() + 1);
                numbers.put(p, ++batches);
                inFlight.put(p, pool.submit(new BatchTask(p, batches, batch, schema, layout, namer, writer, durable, crash)));
            }
        }

        /** Every offset below the end offset at start is buffered or handed to a batch (offsets may have gaps). */
        private boolean partitionRead(int p) {
            if (stopped.contains(p)) {
                return true;
            }
            Deque<ConsumerRecord<byte[], byte[]>> buf = buffers.get(p);
            long upTo = buf.isEmpty() ? next.get(p) : buf.peekLast().offset() + 1;
            return upTo >= pc.end(p) || pc.position(p) >= pc.end(p);
        }

        /** Commits the batches that are done, in each partition's order (one in flight per partition). */
        private void collect() {
            for (Integer p : new ArrayList<>(inFlight.keySet())) {
                Future<BatchResult> f = inFlight.get(p);
                if (!f.isDone()) {
                    continue;
                }
                inFlight.remove(p);
                int number = numbers.remove(p);
                BatchResult r = result(f);
                if (r.written() != null) {
                    pc.commit(p, r.written().last() + 1);
                    committed.put(p, r.written().last() + 1);
                    crash.at(CrashPoint.Stage.COMMITTED, number, r.written());
                    alerts += r.alerts();
                    bytes += r.bytes();
                    files += r.files().size();
                    progress.batchDone(r, pc.end(p) - committed.get(p));
                }
                if (r.error() != null) {
                    // only this partition stops: the others are still worth transferring
                    failure = failure == null ? r.error() : failure;
                    stopped.add(p);
                    buffers.get(p).clear();
                    pc.pause(p);
                    continue;
                }
                if (!partitionRead(p) && !limitReached()) {
                    pc.resume(p);
                }
            }
        }

        private void waitForOneBatch() {
            if (inFlight.isEmpty()) {
                return;
            }
            Future<BatchResult> first = inFlight.values().iterator().next();
            try {
                first.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | ExecutionException e) {
                // collected (and rethrown) by collect()
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransferException(TransferException.Kind.OUTPUT, "interrupted while writing", e);
            }
        }

        /** Lets the batches in flight finish and commits them. */
        private void drain() {
            while (!inFlight.isEmpty()) {
                waitForOneBatch();
                collect();
            }
        }

        private BatchResult result(Future<BatchResult> f) {
            try {
                return f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransferException(TransferException.Kind.OUTPUT, "interrupted while writing", e);
            }
        }

        private boolean limitReached() {
            return req.limit() > 0 && accepted >= req.limit();
        }

        private boolean allRead() {
            for (int p : buffers.keySet()) {
                if (!partitionRead(p)) {
                    return false;
                }
            }
            return true;
        }

        private boolean finished() {
            if (!inFlight.isEmpty()) {
                return false;
            }
            for (Deque<ConsumerRecord<byte[], byte[]>> b : buffers.values()) {
                if (!b.isEmpty()) {
                    return false;
                }
            }
            return limitReached() || allRead();
        }

        private long remaining() {
            long n = 0;
            for (int p : buffers.keySet()) {
                n += Math.max(0, pc.end(p) - next.get(p) - buffers.get(p).size());
            }
            return n;
        }

        Map<Integer, Long> lags() {
            Map<Integer, Long> lag = new TreeMap<>();
            for (int p : committed.keySet()) {
                lag.put(p, Math.max(0, pc.end(p) - committed.get(p)));
            }
            return lag;
        }

        private void awaitPool() {
            try {
                pool.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
