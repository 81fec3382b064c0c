package io.finkperf.batch;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The values of one column in one chunk, in a growable primitive array (no boxing kept).
 * A null takes a placeholder slot (NaN, 0, false, empty string) so values stay aligned with
 * {@code valid}.
 */
abstract class ValueBuffer {

    int size;

    /** Appends value {@code ordinal} of a row or array (never null there: the caller checks). */
    abstract void addFrom(SpecializedGetters source, int ordinal);

    abstract void addNull();

    /** Writes {@code <prefix>.values.npy} (and, for strings, {@code <prefix>.stroffsets.npy}). */
    abstract void write(NpyWriter npy, Path chunkDir, String column);

    void clear() {
        size = 0;
    }

    static ValueBuffer of(BatchDtype dtype) {
        return switch (dtype) {
            case FLOAT32 -> new Float32();
            case FLOAT64 -> new Float64();
            case INT32 -> new Int32();
            case INT64 -> new Int64();
            case BOOL -> new Bool();
            case STRING -> new Utf8();
        };
    }

    static Path file(Path chunkDir, String column, String part) {
        return chunkDir.resolve(column + "." + part + ".npy");
    }

    static int grow(int capacity, int needed) {
        return Math.max(needed, capacity + (capacity >> 1) + 16);
    }

    static final class Float32 extends ValueBuffer {
        private float[] v = new float[1024];

        @Override
        void addFrom(SpecializedGetters source, int ordinal) {
            put(source.getFloat(ordinal));
        }

        void put(float value) {
            if (size == v.length) {
                v = Arrays.copyOf(v, grow(v.length, size + 1));
            }
            v[size++] = value;
        }

        @Override
        void addNull() {
            put(Float.NaN);
        }

        @Override
        void write(NpyWriter npy, Path dir, String column) {
            ByteBuffer b = npy.body(4L * size);
            b.asFloatBuffer().put(v, 0, size);
            b.position(4 * size);
            npy.write(file(dir, column, "values"), BatchDtype.FLOAT32.npyDescr, size);
        }
    }

    static final class Float64 extends ValueBuffer {
        private double[] v = new double[1024];

        @Override
        void addFrom(SpecializedGetters source, int ordinal) {
            put(source.getDouble(ordinal));
        }

        void put(double value) {
            if (size == v.length) {
                v = Arrays.copyOf(v, grow(v.length, size + 1));
            }
            v[size++] = value;
        }

        @Override
        void addNull() {
            put(Double.NaN);
        }

        @Override
        void write(NpyWriter npy, Path dir, String column) {
            ByteBuffer b = npy.body(8L * size);
            b.asDoubleBuffer().put(v, 0, size);
            b.position(8 * size);
            npy.write(file(dir, column, "values"), BatchDtype.FLOAT64.npyDescr, size);
        }
    }

    static final class Int32 extends ValueBuffer {
        private int[] v = new int[1024];

        @Override
        void addFrom(SpecializedGetters source, int ordinal) {
            put(source.getInt(ordinal));
        }

        void put(int value) {
            if (size == v.length) {
                v = Arrays.copyOf(v, grow(v.length, size + 1));
            }
            v[size++] = value;
        }

        @Override
        void addNull() {
            put(0);
        }

        @Override
        void write(NpyWriter npy, Path dir, String column) {
            ByteBuffer b = npy.body(4L * size);
            b.asIntBuffer().put(v, 0, size);
            b.position(4 * size);
            npy.write(file(dir, column, "values"), BatchDtype.INT32.npyDescr, size);
        }
    }

    static final class Int64 extends ValueBuffer {
        private long[] v = new long[1024];

        @Override
        void addFrom(SpecializedGetters source, int ordinal) {
            put(source.getLong(ordinal));
        }

        void put(long value) {
            if (size == v.length) {
                v = Arrays.copyOf(v, grow(v.length, size + 1));
            }
            v[size++] = value;
        }

        @Override
        void addNull() {
            put(0L);
        }

        @Override
        void write(NpyWriter npy, Path dir, String column) {
            writeAs(npy, file(dir, column, "values"));
        }

        void writeAs(NpyWriter npy, Path file) {
            ByteBuffer b = npy.body(8L * size);
            b.asLongBuffer().put(v, 0, size);
            b.position(8 * size);
            npy.write(file, BatchDtype.INT64.npyDescr, size);
        }
    }

    static final class Bool extends ValueBuffer {
        private byte[] v = new byte[1024];

        @Override
        void addFrom(SpecializedGetters source, int ordinal) {
            put(source.getBoolean(ordinal));
        }

        void put(boolean value) {
            if (size == v.length) {
                v = Arrays.copyOf(v, grow(v.length, size + 1));
            }
            v[size++] = (byte) (value ? 1 : 0);
        }

        @Override
        void addNull() {
            put(false);
        }

        boolean allTrue() {
            for (int i = 0; i < size; i++) {
                if (v[i] == 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        void write(NpyWriter npy, Path dir, String column) {
            writeAs(npy, file(dir, column, "values"));
        }

        void writeAs(NpyWriter npy, Path file) {
            npy.body(size).put(v, 0, size);
            npy.write(file, BatchDtype.BOOL.npyDescr, size);
        }
    }

    /** UTF-8 bytes of all strings back to back, plus n+1 offsets delimiting them. */
    static final class Utf8 extends ValueBuffer {
        private byte[] bytes = new byte[16 * 1024];
        private int nBytes;
        private final Int64 offsets = new Int64();

        Utf8() {
            offsets.put(0L);
        }

        @Override
        void addFrom(SpecializedGetters source, int ordinal) {
            UTF8String s = source.getUTF8String(ordinal);
            int n = s.numBytes();
            if (nBytes + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, grow(bytes.length, nBytes + n));
            }
            s.writeToMemory(bytes, Platform.BYTE_ARRAY_OFFSET + nBytes);
            nBytes += n;
            size++;
            offsets.put(nBytes);
        }

        @Override
        void addNull() {
            size++;
            offsets.put(nBytes);
        }

        @Override
        void clear() {
            super.clear();
            nBytes = 0;
            offsets.clear();
            offsets.put(0L);
        }

        @Override
        void write(NpyWriter npy, Path dir, String column) {
            npy.body(nBytes).put(bytes, 0, nBytes);
            npy.write(file(dir, column, "values"), BatchDtype.STRING.npyDescr, nBytes);
            offsets.writeAs(npy, file(dir, column, "stroffsets"));
        }
    }
}
