package io.finkperf.report;

import io.finkperf.results.Environment;
import io.finkperf.results.RunResults;

/** How a run names itself in titles: the science package version/ref and the date. */
final class RunTitle {

    private RunTitle() {
    }

    /** "fink-science 8.53.0 @ 1a2b3c4", or the science folder's name when the version is unknown. */
    static String science(RunResults r) {
        Environment env = r.environment();
        if (env == null) {
            return "science modules";
        }
        String version = blank(env.scienceVersion()) ? null : env.scienceVersion();
        String ref = blank(env.scienceRef()) ? null : shortRef(env.scienceRef());
        if (version == null && ref == null) {
            return "science modules";
        }
        String s = "fink-science " + (version == null ? "" : version);
        return (ref == null ? s : s + (version == null ? "" : " ") + "@ " + ref).strip();
    }

    static String withDate(RunResults r) {
        String date = Units.date(r.startedAt());
        return date.isEmpty() ? science(r) : science(r) + " · " + date;
    }

    private static String shortRef(String ref) {
        return ref.matches("[0-9a-f]{40}") ? ref.substring(0, 10) : ref;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
