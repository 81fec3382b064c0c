package io.finkperf.report;

import io.finkperf.results.FunctionProfile;
import io.finkperf.results.LineStat;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.RunResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code line_profile_<module>.txt} in line_profiler's classic layout (Line #, Hits, Time,
 * Per Hit, % Time, Line Contents), timer unit 1e-06 s as kernprof prints it.
 */
public final class LineProfileText implements ReportWriter {

    private static final double UNIT_NS = 1000.0;

    @Override
    public void write(RunResults results, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (ModuleResult m : results.modules()) {
            if (!m.lineProfile().functions().isEmpty()) {
                Files.writeString(dir.resolve(fileName(m.name())), render(m), StandardCharsets.UTF_8);
            }
        }
    }

    public static String fileName(String module) {
        return "line_profile_" + module + ".txt";
    }

    public static String render(ModuleResult m) {
        StringBuilder out = new StringBuilder();
        out.append("# fink-perf line profile of module '").append(m.name()).append("' (").append(m.entry())
                .append("), one pass over ").append(m.nAlerts()).append(" alerts\n");
        out.append("Timer unit: 1e-06 s\n\n");
        for (FunctionProfile f : m.lineProfile().functions()) {
            renderFunction(out, f);
        }
        return out.toString();
    }

    static void renderFunction(StringBuilder out, FunctionProfile f) {
        out.append(String.format(Locale.ROOT, "Total time: %g s%n", f.totalNs() / 1e9));
        out.append("File: ").append(f.file()).append('\n');
        out.append("Function: ").append(f.function()).append(" at line ").append(f.firstLine()).append("\n\n");
        String header = String.format(Locale.ROOT, "%6s %9s %12s %8s %8s  %s", "Line #", "Hits", "Time", "Per Hit",
                "% Time", "Line Contents");
        out.append(header).append('\n');
        out.append("=".repeat(62)).append('\n');
        for (LineStat l : f.lines()) {
            if (l.hits() == 0) {
                out.append(String.format(Locale.ROOT, "%6d %9s %12s %8s %8s  %s%n", l.line(), "", "", "", "",
                        l.source()));
            } else {
                double time = l.timeNs() / UNIT_NS;
                double perHit = time / l.hits();
                double pct = f.totalNs() > 0 ? 100.0 * l.timeNs() / f.totalNs() : 0.0;
                out.append(String.format(Locale.ROOT, "%6d %9d %12.1f %8.1f %8.1f  %s%n", l.line(), l.hits(), time,
                        perHit, pct, l.source()));
            }
        }
        out.append("\n\n");
    }
}
