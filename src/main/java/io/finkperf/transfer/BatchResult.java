package io.finkperf.transfer;

import java.nio.file.Path;
import java.util.List;

/**
 * What one batch put on disk: {@code written} is null when nothing was (the first message did not
 * decode); {@code error} is set when the batch stopped at a message that does not decode, after
 * writing the alerts before it.
 */
public record BatchResult(int partition, OffsetRange written, long alerts, long bytes, List<Path> files, TransferException error) {

    public BatchResult {
        files = List.copyOf(files);
    }
}
