package io.finkperf.results;

/**
 * The first call in a fresh process against warm calls (wall time: imports and model or catalogue
 * loading may wait on files): {@code coldExtraNs} = import + first call − a warm call.
 */
public record ColdStart(long importNs, long firstCallNs, long warmCallNs, long coldExtraNs) {

    public static ColdStart of(long importNs, long firstCallNs, long warmCallNs) {
        return new ColdStart(importNs, firstCallNs, warmCallNs, importNs + firstCallNs - warmCallNs);
    }
}
