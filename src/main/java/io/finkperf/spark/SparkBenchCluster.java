package io.finkperf.spark;

import io.finkperf.base.Sha256;
import io.finkperf.batch.BatchRows;
import io.finkperf.data.SparkSessions;
import io.finkperf.files.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * A Spark session for spark-bench: {@code local[N]} or any master URL, sized like Fink's perf script
 * (executors of {@code gbPerExecutor} GB and {@code coresPerExecutor} cores), and the one place that
 * runs measured jobs.
 */
public final class SparkBenchCluster implements AutoCloseable {

    private static final Pattern LOCAL = Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?]");
    private static final long EXECUTORS_TIMEOUT_MS = 120_000;
    /** With no executor count requested, or fewer granted: no new executor for this long means all are in. */
    private static final long EXECUTORS_SETTLED_MS = 3_000;

    private final SparkSession spark;
    private final TaskMetricsListener listener = new TaskMetricsListener();
    private final String master;
    private final int executors;
    private final List<Path> archives = new ArrayList<>();
    private boolean closed;

    /**
     * @param executors {@code <= 0}: let the master decide (local mode has one in-process executor)
     * @param conf      extra Spark settings ({@code --conf k=v})
     * @see SparkSessions#bench the session's settings
     */
    public SparkBenchCluster(String master, int executors, int coresPerExecutor, double gbPerExecutor, Map<String, String> conf) {
        this.master = master;
        this.executors = executors;
        try {
            this.spark = SparkSessions.bench(master, executors, coresPerExecutor, gbPerExecutor, conf);
        } catch (RuntimeException e) {
            throw new SparkClusterException("cannot start Spark on " + master + ": " + e.getMessage(), e);
        }
        spark.sparkContext().addSparkListener(listener);
    }

    /**
     * Task slots: N of {@code local[N]}, else the cores of the executors the cluster granted, once they
     * have registered (executors start asynchronously, after the session).
     */
    public int coresAvailable() {
        Matcher m = LOCAL.matcher(master);
        if (m.matches()) {
            return m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
        }
        if (master.equals("local")) {
            return 1;
        }
        return registeredExecutors() * Integer.parseInt(spark.sparkContext().getConf().get("spark.executor.cores"));
    }

    /** Waits for the requested executors, or for the count to settle when the cluster grants fewer. */
    private int registeredExecutors() {
        long start = System.currentTimeMillis();
        long changed = start;
        int seen = 0;
        try {
            while (true) {
                if (spark.sparkContext().isStopped()) {
                    // e.g. a standalone master that never answered: Spark gives up and stops the context
                    throw new SparkClusterException("Spark on " + master + " stopped before any executor registered: "
                            + "is the master running and reachable from here?", null);
                }
                // The driver is listed as an executor too.
                int n = spark.sparkContext().statusTracker().getExecutorInfos().length - 1;
                long now = System.currentTimeMillis();
                if (n != seen) {
                    seen = n;
                    changed = now;
                }
                if (n > 0 && ((executors > 0 && n >= executors) || now - changed >= EXECUTORS_SETTLED_MS)) {
                    return n;
                }
                if (now - start >= EXECUTORS_TIMEOUT_MS) {
                    throw new SparkClusterException("no executor registered with " + master + " in "
                            + EXECUTORS_TIMEOUT_MS / 1000 + " s: is a worker alive with enough free cores and memory for "
                            + "spark.executor.cores=" + spark.sparkContext().getConf().get("spark.executor.cores")
                            + ", spark.executor.memory=" + spark.sparkContext().getConf().get("spark.executor.memory") + "?", null);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for executors", e);
        }
    }

    /**
     * Ships a folder to every executor as a zip that Spark unpacks there ({@code addFile} refuses local
     * folders on a cluster); returns the name {@code SparkFiles.get} resolves to the unpacked folder.
     */
    public String ship(Path dir, String name) {
        try {
            Path tmp = Files.createTempDirectory("fink-perf-ship-");
            archives.add(tmp);
            Path zip = tmp.resolve(name + ".zip");
            DirArchive.zip(dir, zip);
            spark.sparkContext().addArchive(zip.toString());
            return zip.getFileName().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot ship " + dir, e);
        }
    }

    /**
     * The batch's rows in {@code partitions} contiguous slices, in order (slice i holds rows
     * [i·n/P, (i+1)·n/P)), cached and materialised as the perf script's repartition + cache.
     */
    public CachedAlerts load(BatchRows batch, int partitions) {
        JavaRDD<Row> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(batch.rows(), partitions);
        // A local checkpoint rather than cache(): it cuts the lineage to parallelize(), whose partitions
        // carry their rows, so every task would ship its slice of alerts (as scheduling and
        // deserialisation time) although the rows are read from the executors' block store.
        Dataset<Row> ds = spark.createDataFrame(rdd, batch.schema()).localCheckpoint(true);
        return new CachedAlerts(ds, batch);
    }

    /** One measured loop: every partition through the Python worker, outputs hashed in partition order. */
    public LoopMeasurement run(CachedAlerts.Selection alerts, WorkerConfig config) {
        String group = "fink-perf-" + config.module() + "-" + UUID.randomUUID();
        spark.sparkContext().setJobGroup(group, "fink-perf spark-bench " + config.module(), false);
        try {
            JavaRDD<InternalRow> rows = alerts.rows().queryExecution().toRdd().toJavaRDD();
            long start = PythonWorkerTask.epochNanos();
            List<PartitionOutcome> outs = rows.mapPartitionsWithIndex(new PythonWorkerTask(config), true).collect();
            long collected = PythonWorkerTask.epochNanos();
            List<PartitionOutcome> sorted = new ArrayList<>(outs);
            sorted.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
            MessageDigest sha = Sha256.digest();
            List<PartitionOutcome> light = new ArrayList<>();
            for (PartitionOutcome o : sorted) {
                sha.update(o.outputStream());
                light.add(withoutBytes(o));
            }
            String hash = Sha256.hex(sha);
            long done = PythonWorkerTask.epochNanos();
            JobTiming job = listener.await(group, 60_000);
            return new LoopMeasurement(start, collected, done, job, light, hash);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Spark listener events", e);
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    private static PartitionOutcome withoutBytes(PartitionOutcome o) {
        return new PartitionOutcome(o.partition(), o.nRows(), o.ok(), o.error(), o.exitCode(), o.outputDtype(), new byte[0],
                o.taskNs(), o.batchWriteNs(), o.launchEpoch(), o.mainEpoch(), o.libsEpoch(), o.importDoneEpoch(),
                o.endEpoch(), o.exitEpoch(), o.readNs(), o.computeNs(), o.serializeNs(), o.readBackNs(), o.cleanupNs(),
                o.reusedWorker(), o.observedNs(), o.workerCpuNs());
    }

    /**
     * Stops Spark, then ends the Python workers kept in this JVM (local mode's executor is this JVM;
     * a cluster's executors end with the application) and deletes the shipped archives.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            spark.stop();
        } finally {
            ExecutorWorkerPool.close();
            try {
                for (Path dir : archives) {
                    Trees.deleteRecursively(dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete shipped archives " + archives, e);
            }
        }
    }
}
