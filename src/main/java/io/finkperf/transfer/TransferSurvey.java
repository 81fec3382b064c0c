package io.finkperf.transfer;

import java.util.Locale;

/** The survey of a Data Transfer topic: it picks the credentials file and the time column. */
public enum TransferSurvey {
    ZTF, LSST;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code ztf}, {@code lsst}, or {@code rubin} (fink-perf's name for LSST). */
    public static TransferSurvey parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "ztf" -> ZTF;
            case "lsst", "rubin" -> LSST;
            default -> throw new IllegalArgumentException("unknown survey '" + s + "' (ztf or lsst)");
        };
    }

    /** The survey a topic name says ({@code ftransfer_<survey>_<date>_<id>}), or ZTF when it says none. */
    public static TransferSurvey ofTopic(String topic) {
        return topic.startsWith("ftransfer_lsst_") || topic.startsWith("fxmatch_lsst_") ? LSST : ZTF;
    }
}
