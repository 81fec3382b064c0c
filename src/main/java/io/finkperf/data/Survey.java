package io.finkperf.data;

import java.util.Locale;

/** The alert stream a file comes from; decides which structs hold the current and past points. */
public enum Survey {
    ZTF,
    RUBIN;

    public static Survey parse(String s) {
        if (s != null) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "ztf": return ZTF;
                case "rubin": return RUBIN;
                default: break;
            }
        }
        throw new DataException(DataException.Kind.UNSUPPORTED,
                "unknown survey '" + s + "' (expected ztf or rubin)");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
