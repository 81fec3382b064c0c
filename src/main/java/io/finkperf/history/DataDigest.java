package io.finkperf.history;

import io.finkperf.base.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

/**
 * sha256 of the alert data a run read: of the file (as datasets/README.md publishes it), or of a
 * folder's files (relative names and contents, in name order). Null when the data is gone.
 */
public final class DataDigest {

    private DataDigest() {
    }

    public static String of(Path data) {
        try {
            MessageDigest d = Sha256.digest();
            if (Files.isRegularFile(data)) {
                update(d, data);
                return Sha256.hex(d);
            }
            if (!Files.isDirectory(data)) {
                return null;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(data)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                d.update(data.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                update(d, f);
            }
            return Sha256.hex(d);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + data, e);
        }
    }

    private static void update(MessageDigest d, Path file) throws IOException {
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
    }
}
