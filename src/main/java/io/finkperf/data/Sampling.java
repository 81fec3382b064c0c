package io.finkperf.data;

/** Where the N alerts of a batch are drawn from the source; both ways give the same rows in the same order. */
enum Sampling {

    /** {@link HeldSourceSampler}: one small Spark job, replication while writing. */
    HELD_SOURCE,
    /** {@link AlertSampler}: numbering and replication inside Spark, for sources too big to hold. */
    IN_SPARK;

    /**
     * Above this many rows the sorted source is not held on the driver: a ZTF alert with every
     * column weighs about 3-5 KB there, so the bound keeps it to a few hundred MB of heap.
     */
    static final long MAX_HELD_SOURCE_ROWS = 50_000;

    static Sampling forSource(long count) {
        return count <= MAX_HELD_SOURCE_ROWS ? HELD_SOURCE : IN_SPARK;
    }
}
