package io.finkperf.history;

import io.finkperf.fetch.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

/** sha256 of the alert data a run read: of the file, or of a folder's files (relative names and contents, sorted). */
public final class DataDigest {

    private DataDigest() {
    }

    public static String of(Path data) {
        try {
            if (Files.isRegularFile(data)) {
                return Sha256.of(data);
            }
            if (!Files.isDirectory(data)) {
                return null;
            }
            MessageDigest d = Sha256.digest();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(data)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            byte[] buf = new byte[1 << 16];
            for (Path f : files) {
                d.update(data.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                try (InputStream in = Files.newInputStream(f)) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        d.update(buf, 0, n);
                    }
                }
            }
            return Sha256.hex(d);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + data, e);
        }
    }
}
