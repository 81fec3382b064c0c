package io.finkperf.history;

/** Which throughput a trend shows. */
public enum Measure {
    /** alerts/s/core at the reference machine's speed (the default: comparable across machines) */
    CALIBRATED("calibrated alerts/s/core"),
    /** alerts/s/core as measured */
    RAW("raw alerts/s/core");

    private final String label;

    Measure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
