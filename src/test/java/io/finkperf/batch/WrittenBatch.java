package io.finkperf.batch;

import io.finkperf.data.TestData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

/** Reads the cells of a single-chunk batch back through {@link NpyArray}, for assertions. */
public final class WrittenBatch {

    private final Path dir;
    private final String chunk;

    public WrittenBatch(Path dir, String chunk) {
        this.dir = dir;
        this.chunk = chunk;
    }

    public WrittenBatch(Path dir) {
        this(dir, "chunk-00000");
    }

    public NpyArray part(String column, String part) throws IOException {
        return TestData.npy(dir, chunk, column, part);
    }

    public boolean has(String column, String part) {
        return Files.exists(dir.resolve(chunk).resolve(column + "." + part + ".npy"));
    }

    /** Scalar string at {@code row}, or null when invalid. */
    public String string(String column, int row) throws IOException {
        if (has(column, "valid") && !part(column, "valid").b1(row)) {
            return null;
        }
        return part(column, "values").utf8(part(column, "stroffsets"), row);
    }

    public int rowOf(String column, String value) throws IOException {
        long n = part(column, "stroffsets").length() - 1;
        for (int i = 0; i < n; i++) {
            if (value.equals(string(column, i))) {
                return i;
            }
        }
        throw new AssertionError(value + " not in " + column);
    }

    /** Range [from, to) of the values of list cell {@code row}. */
    public int[] range(String column, int row) throws IOException {
        NpyArray off = part(column, "offsets");
        return new int[] {(int) off.i8(row), (int) off.i8(row + 1)};
    }

    /** Indices of the values of list cell {@code row}. */
    private IntStream cell(String column, int row) throws IOException {
        int[] r = range(column, row);
        return IntStream.range(r[0], r[1]);
    }

    public double[] f8List(String column, int row) throws IOException {
        NpyArray v = part(column, "values");
        return cell(column, row).mapToDouble(v::f8).toArray();
    }

    public float[] f4List(String column, int row) throws IOException {
        int[] r = range(column, row);
        NpyArray v = part(column, "values");
        float[] out = new float[r[1] - r[0]];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.f4(r[0] + i);
        }
        return out;
    }

    public int[] i4List(String column, int row) throws IOException {
        NpyArray v = part(column, "values");
        return cell(column, row).map(v::i4).toArray();
    }

    /** Strings of list cell {@code row} (null for invalid entries). */
    public String[] stringList(String column, int row) throws IOException {
        int[] r = range(column, row);
        NpyArray v = part(column, "values");
        NpyArray so = part(column, "stroffsets");
        NpyArray valid = has(column, "valid") ? part(column, "valid") : null;
        String[] out = new String[r[1] - r[0]];
        for (int i = 0; i < out.length; i++) {
            out[i] = valid != null && !valid.b1(r[0] + i) ? null : v.utf8(so, r[0] + i);
        }
        return out;
    }

    public boolean[] validList(String column, int row) throws IOException {
        int[] r = range(column, row);
        boolean[] out = new boolean[r[1] - r[0]];
        NpyArray valid = has(column, "valid") ? part(column, "valid") : null;
        for (int i = 0; i < out.length; i++) {
            out[i] = valid == null || valid.b1(r[0] + i);
        }
        return out;
    }
}
