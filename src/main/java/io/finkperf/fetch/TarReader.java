package io.finkperf.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads ustar, GNU (long names 'L'/'K') and pax ('x') tar streams: enough for what GNU tar,
 * bsdtar and Python's tarfile write. Written here rather than taken from commons-compress,
 * whose current versions need a newer commons-lang3 than Spark puts on the classpath.
 */
final class TarReader {

    /** One header: {@code type} is the raw typeflag ('0' file, '5' dir, '2' symlink, '1' hard link…). */
    record Entry(String name, char type, long size, String linkName) {
        boolean isFile() {
            return type == '0' || type == '\0' || type == '7';
        }

        boolean isDirectory() {
            return type == '5' || (type == '\0' && name.endsWith("/"));
        }

        boolean isSymlink() {
            return type == '2';
        }

        boolean isHardLink() {
            return type == '1';
        }
    }

    private static final int BLOCK = 512;

    private final InputStream in;
    private long remaining;
    private long padding;

    TarReader(InputStream in) {
        this.in = in;
    }

    /** The next entry, with {@link #content()} positioned on its data; null at the end of the archive. */
    Entry next() throws IOException {
        skipRest();
        String longName = null;
        String longLink = null;
        Map<String, String> pax = Map.of();
        while (true) {
            byte[] h = readHeader();
            if (h == null) {
                return null;
            }
            char type = (char) h[156];
            long size = number(h, 124, 12);
            if (type == 'L' || type == 'K' || type == 'x' || type == 'g') {
                byte[] data = readData(size);
                switch (type) {
                    case 'L' -> longName = cString(data, 0, data.length);
                    case 'K' -> longLink = cString(data, 0, data.length);
                    case 'x' -> pax = pax(data);
                    default -> { } // global pax headers only carry metadata we do not use
                }
                continue;
            }
            String name = cString(h, 0, 100);
            if (new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
                String prefix = cString(h, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
            }
            String link = cString(h, 157, 100);
            name = pax.getOrDefault("path", longName != null ? longName : name);
            link = pax.getOrDefault("linkpath", longLink != null ? longLink : link);
            if (pax.containsKey("size")) {
                size = Long.parseLong(pax.get("size").strip());
            }
            boolean hasData = type != '1' && type != '2' && type != '5' && type != '3' && type != '4' && type != '6';
            remaining = hasData ? size : 0;
            padding = hasData ? pad(size) : 0;
            return new Entry(name, type, size, link);
        }
    }

    /** The current entry's data; reading past it returns end-of-stream. */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw new EOFException("tar entry truncated: " + remaining + " bytes missing");
                }
                remaining -= n;
                return n;
            }
        };
    }

    private void skipRest() throws IOException {
        skipFully(remaining + padding);
        remaining = 0;
        padding = 0;
    }

    private byte[] readHeader() throws IOException {
        byte[] h = new byte[BLOCK];
        int n = in.readNBytes(h, 0, BLOCK);
        if (n == 0) {
            return null; // some writers omit the two zero blocks
        }
        if (n < BLOCK) {
            throw new EOFException("tar header truncated");
        }
        boolean zero = true;
        for (byte b : h) {
            zero &= b == 0;
        }
        if (zero) {
            return null;
        }
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        if (sum != number(h, 148, 8)) {
            throw new IOException("not a tar archive (bad header checksum)");
        }
        return h;
    }

    private byte[] readData(long size) throws IOException {
        if (size < 0 || size > (1 << 24)) {
            throw new IOException("tar metadata entry of " + size + " bytes");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException("tar metadata entry truncated");
        }
        skipFully(pad(size));
        return data;
    }

    private void skipFully(long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("tar stream truncated");
                }
                s = 1;
            }
            n -= s;
        }
    }

    private static long pad(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    /** Octal, space/NUL terminated; or GNU base-256 when the high bit of the first byte is set. */
    static long number(byte[] h, int off, int len) throws IOException {
        if ((h[off] & 0x80) != 0) {
            long v = h[off] & 0x7f;
            for (int i = 1; i < len; i++) {
                v = (v << 8) | (h[off + i] & 0xff);
            }
            return v;
        }
        long v = 0;
        int i = off;
        int end = off + len;
        while (i < end && (h[i] == ' ' || h[i] == 0)) {
            i++;
        }
        for (; i < end && h[i] >= '0' && h[i] <= '7'; i++) {
            v = v * 8 + (h[i] - '0');
        }
        for (; i < end; i++) {
            if (h[i] != ' ' && h[i] != 0) {
                throw new IOException("not a tar archive (bad number in header)");
            }
        }
        return v;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    /** Pax records: "LEN key=value\n", LEN counting the whole record. */
    private static Map<String, String> pax(byte[] data) throws IOException {
        Map<String, String> m = new HashMap<>();
        int i = 0;
        while (i < data.length) {
            int sp = i;
            while (sp < data.length && data[sp] != ' ') {
                sp++;
            }
            int len;
            try {
                len = Integer.parseInt(new String(data, i, sp - i, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("bad pax header");
            }
            if (len <= 0 || i + len > data.length) {
                throw new IOException("bad pax header");
            }
            String rec = new String(data, sp + 1, i + len - sp - 2, StandardCharsets.UTF_8);
            int eq = rec.indexOf('=');
            if (eq > 0) {
                m.put(rec.substring(0, eq), rec.substring(eq + 1));
            }
            i += len;
        }
        return m;
    }
}
