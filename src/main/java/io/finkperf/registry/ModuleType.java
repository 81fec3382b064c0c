package io.finkperf.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a module does; reports colour modules by it. */
public enum ModuleType {
    XMATCH, ML, FEATURE, FLAG, AGG;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ModuleType> parse(String s) {
        return Arrays.stream(values()).filter(t -> t.label().equals(s)).findFirst();
    }
}
