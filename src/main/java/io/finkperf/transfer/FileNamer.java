package io.finkperf.transfer;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names parts after what they hold, {@code <topic>-p<partition>-<first offset>-<last offset>.<ext>},
 * so a rerun that reads the same offsets would write the same name (never a second copy), and the
 * output folder itself says which offsets are already on disk. Offsets are zero-padded so names sort
 * in offset order. Temporary files start with '.', which Spark, pyarrow and fink-perf all skip.
 */
public final class FileNamer {

    private static final Pattern RANGE = Pattern.compile("p(\\d+)-(\\d+)-(\\d+)\\.(parquet|avro)");

    private final String topic;
    private final OutputFormat format;

    public FileNamer(String topic, OutputFormat format) {
        if (topic.isEmpty() || topic.contains("/")) {
            throw new IllegalArgumentException("bad topic name '" + topic + "'");
        }
        this.topic = topic;
        this.format = format;
    }

    public String name(OffsetRange r) {
        return String.format("%s-p%02d-%012d-%012d.%s", topic, r.partition(), r.first(), r.last(), format.extension());
    }

    public static String tempName(String finalName) {
        return "." + finalName + ".tmp";
    }

    /** Name of the journal that lists a batch's files while they are being renamed into place. */
    public String journalName(OffsetRange r) {
        return String.format("%s-p%02d-%012d-%012d.pending", topic, r.partition(), r.first(), r.last());
    }

    /** The range a part of this topic holds (any format), or empty for other files. */
    public Optional<OffsetRange> parse(String fileName) {
        String prefix = topic + "-";
        if (!fileName.startsWith(prefix)) {
            return Optional.empty();
        }
        Matcher m = RANGE.matcher(fileName.substring(prefix.length()));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OffsetRange(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A temporary part of this topic, left by a run killed before its batch was journaled. */
    public boolean isTemp(String fileName) {
        return fileName.startsWith("." + topic + "-") && fileName.endsWith(".tmp");
    }

    public String topic() {
        return topic;
    }
}
