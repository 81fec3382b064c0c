package io.finkperf.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the one-dimensional little-endian NPY files of a batch (what the data package's writer writes). */
final class NpyReader {

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<|>]?[a-z]\\d+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),?\\)");

    /** The body of an NPY file, positioned after the header, with its descr and length. */
    record Array(String descr, int length, ByteBuffer body) {

        double getDouble(int i) {
            return switch (descr) {
                case "<f4" -> body.getFloat(body.position() + 4 * i);
                case "<f8" -> body.getDouble(body.position() + 8 * i);
                default -> throw new IllegalStateException("not a float array: " + descr);
            };
        }

        long getLong(int i) {
            return switch (descr) {
                case "<i4" -> body.getInt(body.position() + 4 * i);
                case "<i8" -> body.getLong(body.position() + 8 * i);
                case "|b1", "|u1" -> body.get(body.position() + i) & 0xff;
                default -> throw new IllegalStateException("not an integer array: " + descr);
            };
        }

        boolean getBool(int i) {
            return body.get(body.position() + i) != 0;
        }
    }

    private NpyReader() {
    }

    static Array read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || bytes[0] != (byte) 0x93 || bytes[1] != 'N') {
            throw new IllegalArgumentException(file + " is not an NPY file");
        }
        int major = bytes[6];
        int headerLen = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
        int start = major == 1 ? 10 : 12;
        String header = new String(bytes, start, headerLen, StandardCharsets.US_ASCII);
        Matcher d = DESCR.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !s.find()) {
            throw new IllegalArgumentException(file + ": unsupported NPY header " + header.trim());
        }
        b.position(start + headerLen);
        return new Array(d.group(1), Integer.parseInt(s.group(1)), b.slice().order(ByteOrder.LITTLE_ENDIAN));
    }
}
