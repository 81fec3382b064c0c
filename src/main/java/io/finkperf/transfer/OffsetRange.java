package io.finkperf.transfer;

/** Offsets {@code first..last} (inclusive) of one Kafka partition: what one batch file holds. */
public record OffsetRange(int partition, long first, long last) {

    public OffsetRange {
        if (partition < 0 || first < 0 || last < first) {
            throw new IllegalArgumentException("bad offset range p" + partition + " " + first + ".." + last);
        }
    }

    public long count() {
        return last - first + 1;
    }
}
