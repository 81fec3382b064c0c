package io.finkperf.fetch;

import io.finkperf.data.AlertFiles;
import io.finkperf.fetch.FetchException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the folder to give {@code --data} in an extracted archive. Fink Data Transfer writes a
 * Spark dataset partitioned by class ({@code ftransfer_ztf_<date>_<id>/finkclass=SN candidate/part-*.parquet});
 * the answer is the deepest folder holding every parquet part, above any {@code key=value} partition
 * folder, skipping what Spark skips (names starting with '.' or '_').
 */
public final class DataLayout {

    private DataLayout() {
    }

    public static List<Path> parquetFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> !AlertFiles.hiddenBelow(root, p)).filter(DataLayout::isParquet)
                    .sorted().toList();
        } catch (IOException e) {
            throw new FetchException(Kind.ARCHIVE, "cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    public static Path dataFolder(Path root) {
        List<Path> files = parquetFiles(root);
        if (files.isEmpty()) {
            throw new FetchException(Kind.ARCHIVE, "the archive holds no parquet file (expected Fink Data Transfer "
                    + "output: <name>/finkclass=<class>/part-*.parquet)");
        }
        Path common = files.get(0).getParent();
        for (Path f : files) {
            while (!f.startsWith(common)) {
                common = common.getParent();
            }
        }
        // one class only: climb out of "finkclass=..." so Spark still sees the partition column
        while (!common.equals(root) && common.getFileName().toString().matches("[^=/]+=.*")) {
            common = common.getParent();
        }
        return common;
    }

    private static boolean isParquet(Path p) {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(p)) {
            return in.readNBytes(head, 0, 4) == 4 && Arrays.equals(head, "PAR1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }
}
