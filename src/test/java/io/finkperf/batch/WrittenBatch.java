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
        return cell(column, row).mapToDouble(part(column, "values")::f8).toArray();
    }

    public float[] f4List(String column, int row) throws IOException {
        // read through double, which holds every float exactly, as IntStream has no float map
        double[] wide = cell(column, row).mapToDouble(part(column, "values")::f4).toArray();
        float[] out = new float[wide.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) wide[i];
        }
        return out;
    }

    public int[] i4List(String column, int row) throws IOException {
        return cell(column, row).map(part(column, "values")::i4).toArray();
    }

    /** Strings of list cell {@code row} (null for invalid entries). */
    public String[] stringList(String column, int row) throws IOException {
        NpyArray v = part(column, "values");
        NpyArray so = part(column, "stroffsets");
        boolean[] valid = validList(column, row);
        int[] at = cell(column, row).toArray();
        return IntStream.range(0, at.length).mapToObj(i -> valid[i] ? v.utf8(so, at[i]) : null).toArray(String[]::new);
    }

    /** Validity of each entry of list cell {@code row}: all true when the column has no validity part. */
    public boolean[] validList(String column, int row) throws IOException {
        NpyArray valid = has(column, "valid") ? part(column, "valid") : null;
        int[] at = cell(column, row).toArray();
        boolean[] out = new boolean[at.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = valid == null || valid.b1(at[i]);
        }
        return out;
    }
}
