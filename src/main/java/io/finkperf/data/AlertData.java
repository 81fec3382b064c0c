package io.finkperf.data;

import io.finkperf.batch.BatchWriter;

import io.finkperf.batch.BatchColumn;
import io.finkperf.batch.BatchInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * Alerts from one parquet or Avro container file, or a folder of them, ready to be cut into
 * Python-ready batches. Avro goes through Spark's own Avro source (spark-avro).
 */
public final class AlertData implements AutoCloseable {

    private final Path source;
    private final Survey survey;
    private final SparkSession spark;
    private final boolean ownsSession;
    private final AlertFiles.Format format;
    private final DetectedSchema schema;
    private final ColumnCatalog catalog;
    private final Dataset<Row> alerts;
    private final long count;

    /** {@code from}'s alerts narrowed to {@code alerts}; shares (never owns) its session. */
    private AlertData(AlertData from, Dataset<Row> alerts) {
        this.source = from.source;
        this.survey = from.survey;
        this.spark = from.spark;
        this.ownsSession = false;
        this.format = from.format;
        this.schema = from.schema;
        this.catalog = from.catalog;
        this.alerts = alerts;
        this.count = countRows();
        if (count == 0) {
            throw new DataException(DataException.Kind.EMPTY, source + " has no rows");
        }
    }

    private AlertData(Path source, Survey survey, SparkSession spark, boolean ownsSession) {
        this.source = source;
        this.survey = survey;
        this.spark = spark;
        this.ownsSession = ownsSession;
        this.format = AlertFiles.validate(source);
        StructType footer = footer();
        this.schema = DetectedSchema.detect(footer, survey, source);
        this.catalog = ColumnCatalog.of(footer, schema);
        this.alerts = reader().schema(catalog.readSchema()).load(source.toString());
        this.count = countRows();
        if (count == 0) {
            throw new DataException(DataException.Kind.EMPTY, source + " has no rows");
        }
    }

    public static AlertData open(Path fileOrDir, Survey survey) {
        SparkSession spark = SparkSessions.local(Runtime.getRuntime().availableProcessors());
        try {
            return new AlertData(fileOrDir, survey, spark, true);
        } catch (RuntimeException e) {
            spark.stop();
            throw e;
        }
    }

    /** Reuses {@code spark}; {@link #close()} leaves it running. */
    public static AlertData open(Path fileOrDir, Survey survey, SparkSession spark) {
        return new AlertData(fileOrDir, survey, spark, false);
    }

    public long count() {
        return count;
    }

    /** {@code ztf-raw}, {@code ztf-ftransfer} or {@code rubin}. */
    public String detectedSchema() {
        return schema.id;
    }

    public Survey survey() {
        return survey;
    }

    public Set<String> availableColumns() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(catalog.columns().keySet()));
    }

    /** The same alerts cut to {@code sample.perClass()} of each value of its column; close this one, not the result. */
    public AlertData stratified(StratifiedSample sample) {
        ColumnSource s = catalog.columns().get(sample.column());
        if (s == null) {
            throw new DataException(DataException.Kind.MISSING_COLUMN, "--sample-by column '" + sample.column() + "' not in "
                    + source + " (" + schema.id + " schema)");
        }
        return new AlertData(this, sample.take(alerts, s.expr(), catalog.stableOrder()));
    }

    /**
     * Writes {@code columns} of {@code nAlerts} alerts ({@code <= 0}: all, in stable order; more than
     * {@link #count()}: the file repeated cyclically) as a {@code fink-perf-batch/1} folder.
     */
    public BatchInfo writeBatch(List<String> columns, long nAlerts, Path outDir, int chunkRows) {
        return writeBatch(columns, nAlerts, outDir, chunkRows, Sampling.forSource(count));
    }

    BatchInfo writeBatch(List<String> columns, long nAlerts, Path outDir, int chunkRows, Sampling sampling) {
        List<ColumnSource> sources = resolve(columns);
        try {
            return writeBatch(sources, columns, nAlerts, outDir, chunkRows, sampling);
        } catch (DataException | io.finkperf.batch.BatchFormatException e) {
            throw e;
        } catch (Exception e) { // SparkException is checked in Java's eyes but thrown undeclared by Scala
            if (!isReadFailure(e)) {
                throw e;
            }
            throw new DataException(DataException.Kind.CORRUPT, "corrupt data in " + source + ": " + deepest(e), e);
        }
    }

    /** A task failed reading the files (a corrupt page, a truncated file), not a bug of ours. */
    private static boolean isReadFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof java.io.IOException || m.contains("Encountered error while reading file")
                    || t.getClass().getName().startsWith("org.apache.parquet")) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's first line: the actual fault (e.g. a page header missing a field). */
    private static String deepest(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private BatchInfo writeBatch(List<ColumnSource> sources, List<String> columns, long nAlerts, Path outDir,
                                 int chunkRows, Sampling sampling) {
        long start = System.nanoTime();
        List<Column> exprs = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            exprs.add(sources.get(i).expr().as("c" + i));
        }
        List<Column> order = catalog.stableOrder();
        for (int i = 0; i < order.size(); i++) {
            // Sort keys ride along under their own names; the writer reads columns by position only.
            exprs.add(order.get(i).as("__fink_perf_key" + i));
        }
        Dataset<Row> picked = alerts.select(exprs.toArray(new Column[0]));
        List<Column> keys = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            keys.add(picked.col("__fink_perf_key" + i).asc_nulls_last());
        }
        List<BatchColumn> batchColumns = sources.stream().map(ColumnSource::batchColumn).toList();
        BatchWriter writer = new BatchWriter(outDir, chunkRows, batchColumns);
        writer.prepare();
        List<Long> chunks = sampling == Sampling.HELD_SOURCE
                ? BatchWriter.writeChunks(outDir, chunkRows, batchColumns, HeldSourceSampler.take(picked, keys, nAlerts))
                : writeInSpark(AlertSampler.take(picked, keys, count, nAlerts), outDir, chunkRows, batchColumns);
        writer.writeManifest(chunks, source.toString(), survey.id());
        long written = chunks.stream().mapToLong(Long::longValue).sum();
        return new BatchInfo(outDir, written, chunkRows, columns, System.nanoTime() - start);
    }

    private List<Long> writeInSpark(Dataset<Row> rows, Path outDir, int chunkRows, List<BatchColumn> batchColumns) {
        Column[] out = new Column[batchColumns.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.col("c" + i);
        }
        Dataset<Row> batchRows = rows.select(out);
        return spark.sparkContext().isLocal()
                ? InTaskWriter.write(batchRows, outDir, chunkRows, batchColumns)
                : BatchWriter.writeChunks(outDir, chunkRows, batchColumns, localRows(batchRows));
    }

    /**
     * Spark's internal rows streamed to the driver partition by partition, as Dataset.toLocalIterator
     * does, minus the conversion of every value to a boxed Java object (3-4x slower on list columns).
     */
    private static Iterator<InternalRow> localRows(Dataset<Row> rows) {
        return scala.jdk.javaapi.CollectionConverters.asJava(rows.queryExecution().executedPlan().executeToIterator());
    }

    private List<ColumnSource> resolve(List<String> columns) {
        if (columns.isEmpty()) {
            throw new DataException(DataException.Kind.MISSING_COLUMN, "no columns requested from " + source);
        }
        List<ColumnSource> out = new ArrayList<>();
        for (String name : columns) {
            ColumnSource s = catalog.columns().get(name);
            if (s == null) {
                String why = name.startsWith("cutout") ? " (binary cutouts have no fink-perf-batch/1 dtype)" : "";
                throw new DataException(DataException.Kind.MISSING_COLUMN,
                        "column '" + name + "' not in " + source + " (" + schema.id + " schema)" + why);
            }
            out.add(s);
        }
        return out;
    }

    private long countRows() {
        try {
            return alerts.count();
        } catch (Exception e) { // SparkException is checked in Java's eyes but thrown undeclared by Scala
            throw new DataException(DataException.Kind.CORRUPT, "cannot read rows of " + source + ": " + firstLine(e), e);
        }
    }

    private StructType footer() {
        try {
            return reader().load(source.toString()).schema();
        } catch (Exception e) {
            throw new DataException(DataException.Kind.CORRUPT,
                    "cannot read " + format.source + " schema of " + source + ": " + firstLine(e), e);
        }
    }

    /**
     * Folders use Spark's partition discovery (Fink Data Transfer writes {@code finkclass=.../} folders,
     * which become a column); folders that are not partition layouts are listed recursively instead.
     */
    private org.apache.spark.sql.DataFrameReader reader() {
        org.apache.spark.sql.DataFrameReader r = spark.read().format(format.source);
        if (source.toFile().isDirectory() && !partitionLayout(source)) {
            r = r.option("recursiveFileLookup", "true");
        }
        return r;
    }

    private static boolean partitionLayout(Path dir) {
        java.io.File[] subdirs = dir.toFile().listFiles(f -> f.isDirectory()
                && !f.getName().startsWith("_") && !f.getName().startsWith("."));
        if (subdirs == null || subdirs.length == 0) {
            return true;
        }
        for (java.io.File f : subdirs) {
            if (!f.getName().contains("=")) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void close() {
        if (ownsSession) {
            spark.stop();
        }
    }
}
