package io.finkperf.data.spark;

import io.finkperf.data.Survey;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Writes one partition's rows as a {@code fink-perf-batch/1} folder, inside an executor task, with the
 * data package's own {@code BatchWriter} (the one direct mode's batch comes from), so both modes
 * serialise alerts with the same code.
 *
 * <p>{@code BatchWriter}, {@code ColumnSource} and {@code BatchDtype} are package-private; they are
 * reached reflectively here until {@code io.finkperf.data} exposes a public entry point
 * (see docs/spark.md, "Changes wanted outside spark"). Lookups happen once per task.
 */
public final class PartitionBatchWriter implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<BatchColumn> columns;
    private final int chunkRows;
    private final String survey;
    private final String source;

    public PartitionBatchWriter(List<BatchColumn> columns, int chunkRows, String survey, String source) {
        this.columns = List.copyOf(columns);
        this.chunkRows = chunkRows;
        this.survey = survey;
        this.source = source;
    }

    /** Writes every row ({@code c0..cN} in {@link #columns} order) into {@code dir}; returns the row count. */
    public long write(Iterator<InternalRow> rows, Path dir) {
        try {
            Class<?> dtype = Class.forName("io.finkperf.data.BatchDtype");
            Class<?> sourceClass = Class.forName("io.finkperf.data.ColumnSource");
            Constructor<?> newSource = sourceClass.getDeclaredConstructor(String.class, Column.class, boolean.class, dtype);
            newSource.setAccessible(true);
            List<Object> sources = new ArrayList<>();
            for (BatchColumn c : columns) {
                @SuppressWarnings({"unchecked", "rawtypes"})
                Object dt = Enum.valueOf((Class<Enum>) dtype, c.dtype().toUpperCase(Locale.ROOT));
                // The expression only matters when reading alerts; the writer uses name, kind and dtype.
                sources.add(newSource.newInstance(c.name(), null, c.list(), dt));
            }
            Class<?> writerClass = Class.forName("io.finkperf.data.BatchWriter");
            Constructor<?> newWriter = writerClass.getDeclaredConstructor(Path.class, int.class, List.class);
            newWriter.setAccessible(true);
            Object writer = newWriter.newInstance(dir, chunkRows, sources);
            Method write = writerClass.getDeclaredMethod("write", Iterator.class, String.class, Survey.class);
            write.setAccessible(true);
            return (Long) write.invoke(writer, rows, source, Survey.parse(survey));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("batch writer failed in " + dir, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("io.finkperf.data.BatchWriter changed shape: " + e, e);
        }
    }
}
