package io.finkperf.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal NPY v1.0 reader for one-dimensional arrays, independent of the writer under test. */
public record NpyArray(String descr, long length, int headerBytes, ByteBuffer body) {

    private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '([<|][a-z][0-9])', 'fortran_order': False, 'shape': \\((\\d+),\\), \\} *\n");

    public static NpyArray read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        b.get(magic);
        if (!"\u0093NUMPY".equals(new String(magic, StandardCharsets.ISO_8859_1))) {
            throw new IOException(file + ": bad magic");
        }
        if (b.get() != 1 || b.get() != 0) {
            throw new IOException(file + ": not NPY v1.0");
        }
        int len = Short.toUnsignedInt(b.getShort());
        byte[] h = new byte[len];
        b.get(h);
        Matcher m = HEADER.matcher(new String(h, StandardCharsets.US_ASCII));
        if (!m.matches()) {
            throw new IOException(file + ": unexpected header " + new String(h, StandardCharsets.US_ASCII));
        }
        ByteBuffer body = b.slice().order(ByteOrder.LITTLE_ENDIAN);
        return new NpyArray(m.group(1), Long.parseLong(m.group(2)), 10 + len, body);
    }

    public float f4(int i) {
        return body.getFloat(4 * i);
    }

    public double f8(int i) {
        return body.getDouble(8 * i);
    }

    public int i4(int i) {
        return body.getInt(4 * i);
    }

    public long i8(int i) {
        return body.getLong(8 * i);
    }

    public boolean b1(int i) {
        return body.get(i) != 0;
    }

    /** String {@code i} of a string column given its stroffsets array. */
    public String utf8(NpyArray strOffsets, int i) {
        int from = (int) strOffsets.i8(i);
        int to = (int) strOffsets.i8(i + 1);
        byte[] out = new byte[to - from];
        body.get(from, out);
        return new String(out, StandardCharsets.UTF_8);
    }
}
