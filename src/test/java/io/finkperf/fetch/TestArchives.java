package io.finkperf.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds archives in tests, including the malicious ones no honest tool would write. */
public final class TestArchives {

    public static final Path SAMPLE = projectDir().resolve("datasets/ztf/ftransfer_sample_72.parquet");

    private TestArchives() {
    }

    public static Path projectDir() {
        return Path.of(System.getProperty("finkperf.projectDir", ".")).toAbsolutePath().normalize();
    }

    /** A tarball laid out as Fink Data Transfer writes it: {@code ftransfer_ztf_<date>_<id>/finkclass=<class>/part-*.parquet}. */
    public static byte[] finkTransferTarGz() throws IOException {
        byte[] parquet = Files.readAllBytes(SAMPLE);
        return tarGz(t -> {
            t.dir("ftransfer_ztf_2024-07-24_50931/");
            t.file("ftransfer_ztf_2024-07-24_50931/_SUCCESS", new byte[0]);
            t.file("ftransfer_ztf_2024-07-24_50931/finkclass=SN candidate/part-00000-c000.snappy.parquet", parquet);
            t.file("ftransfer_ztf_2024-07-24_50931/finkclass=SN candidate/.part-00000-c000.snappy.parquet.crc", new byte[] {1});
        });
    }

    public interface TarBody {
        void write(Tar t) throws IOException;
    }

    /** Writes ustar headers by hand (GNU 'L' records for long names), so any name at all can be written. */
    public static final class Tar {
        private final OutputStream out;

        Tar(OutputStream out) {
            this.out = out;
        }

        public Tar dir(String name) throws IOException {
            header(name, '5', 0, "");
            return this;
        }

        public Tar file(String name, byte[] content) throws IOException {
            header(name, '0', content.length, "");
            out.write(content);
            out.write(new byte[(512 - content.length % 512) % 512]);
            return this;
        }

        public Tar file(String name, String content) throws IOException {
            return file(name, content.getBytes(StandardCharsets.UTF_8));
        }

        public Tar symlink(String name, String target) throws IOException {
            header(name, '2', 0, target);
            return this;
        }

        public Tar hardlink(String name, String target) throws IOException {
            header(name, '1', 0, target);
            return this;
        }

        private void header(String name, char type, long size, String link) throws IOException {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            if (n.length > 100) {
                byte[] longName = java.util.Arrays.copyOf(n, n.length + 1);
                header("././@LongLink", 'L', longName.length, "");
                out.write(longName);
                out.write(new byte[(512 - longName.length % 512) % 512]);
                n = java.util.Arrays.copyOf(n, 100);
            }
            byte[] h = new byte[512];
            System.arraycopy(n, 0, h, 0, n.length);
            octal(h, 100, 8, 0644);
            octal(h, 108, 8, 0);
            octal(h, 116, 8, 0);
            octal(h, 124, 12, size);
            octal(h, 136, 12, 0);
            h[156] = (byte) type;
            byte[] l = link.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(l, 0, h, 157, Math.min(100, l.length));
            System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 8);
            java.util.Arrays.fill(h, 148, 156, (byte) ' ');
            long sum = 0;
            for (byte b : h) {
                sum += b & 0xff;
            }
            octal(h, 148, 7, sum);
            out.write(h);
        }

        private static void octal(byte[] h, int off, int len, long v) {
            String s = String.format("%0" + (len - 1) + "o", v);
            System.arraycopy(s.getBytes(StandardCharsets.US_ASCII), 0, h, off, len - 1);
        }
    }

    public static byte[] tarGz(TarBody body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            body.write(new Tar(gz));
            gz.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    /** A zip of (name, content) pairs; names are written as given, "../evil" included. */
    public static byte[] zip(String... nameContent) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < nameContent.length; i += 2) {
                zip.putNextEntry(new ZipEntry(nameContent[i]));
                zip.write(nameContent[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
