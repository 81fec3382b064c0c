package io.finkperf.batch;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes one-dimensional NPY v1.0 files (little-endian, C order). One scratch buffer is reused
 * across files, so writing a chunk allocates nothing once the buffer has grown to the largest column.
 */
final class NpyWriter {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private ByteBuffer scratch = ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

    /** The scratch buffer, cleared, with room for {@code bytes} body bytes after the header. */
    ByteBuffer body(long bytes) {
        long need = bytes + 512;
        if (need > Integer.MAX_VALUE - 8) {
            throw new BatchFormatException("column chunk too large (" + bytes + " bytes): lower chunk_rows");
        }
        if (scratch.capacity() < need) {
            scratch = ByteBuffer.allocateDirect((int) Math.max(need, scratch.capacity() * 2L)).order(ByteOrder.LITTLE_ENDIAN);
        }
        scratch.clear();
        return scratch;
    }

    /** Writes header + the body the caller has put into {@link #body}. */
    void write(Path file, String descr, long length) {
        ByteBuffer data = scratch;
        data.flip();
        ByteBuffer header = header(descr, length);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer[] parts = {header, data};
            while (header.hasRemaining() || data.hasRemaining()) {
                ch.write(parts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static ByteBuffer header(String descr, long length) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + length + ",), }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String text = dict + " ".repeat(padding) + "\n";
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 2 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putShort((short) text.length()).put(text.getBytes(StandardCharsets.US_ASCII));
        b.flip();
        return b;
    }
}
