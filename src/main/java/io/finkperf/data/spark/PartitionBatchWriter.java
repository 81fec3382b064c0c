package io.finkperf.data.spark;

import io.finkperf.data.Survey;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Writes one partition's rows as a {@code fink-perf-batch/1} folder, inside an executor task, with the
 * data package's own {@code BatchWriter} (the one direct mode's batch comes from), so both modes
 * serialise alerts with the same code.
 *
 * <p>{@code BatchWriter}, its column record and {@code BatchDtype} are package-private; they are
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
            Class<?> writerClass = Class.forName("io.finkperf.data.BatchWriter");
            Constructor<?> newWriter = writerClass.getDeclaredConstructor(Path.class, int.class, List.class);
            newWriter.setAccessible(true);
            List<Object> described = new ArrayList<>();
            for (BatchColumn c : columns) {
                described.add(describe(elementClass(newWriter), c));
            }
            Object writer = newWriter.newInstance(dir, chunkRows, described);
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

    /** The element type of the writer's column list (a record naming a column, its kind and dtype). */
    private static Class<?> elementClass(Constructor<?> newWriter) {
        Type list = newWriter.getGenericParameterTypes()[2];
        return (Class<?>) ((ParameterizedType) list).getActualTypeArguments()[0];
    }

    /** Fills the record's canonical constructor by parameter type: name, list flag, dtype; anything else null. */
    private static Object describe(Class<?> record, BatchColumn c) throws ReflectiveOperationException {
        Class<?>[] types = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> k = record.getDeclaredConstructor(types);
        k.setAccessible(true);
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == String.class) {
                args[i] = c.name();
            } else if (types[i] == boolean.class) {
                args[i] = c.list();
            } else if (types[i].isEnum()) {
                args[i] = enumConstant(types[i], c.dtype().toUpperCase(Locale.ROOT));
            }
        }
        return k.newInstance(args);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<Enum>) type, name);
    }
}
