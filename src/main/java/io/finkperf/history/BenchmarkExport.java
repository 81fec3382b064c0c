package io.finkperf.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The store in github-action-benchmark's formats, tool {@code customBiggerIsBetter}, so its
 * dashboards read fink-perf's history: {@link #dataJs} is the {@code data.js} its gh-pages charts
 * load (every run), {@link #benchInput} the JSON its action takes for one run (the latest).
 */
public final class BenchmarkExport {

    public static final String TOOL = "customBiggerIsBetter";
    public static final String SUITE = "fink-perf";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bench(String name, double value, String unit, String range, String extra) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Commit(String id, String message, String timestamp, String url) {
    }

    public record Entry(Commit commit, long date, String tool, List<Bench> benches) {
    }

    public record Data(long lastUpdate, String repoUrl, Map<String, List<Entry>> entries) {
    }

    private BenchmarkExport() {
    }

    public static Data data(List<HistoryRecord> records, Measure measure, String repoUrl, Instant now) {
        Map<String, List<HistoryRecord>> runs = byRun(records);
        List<Entry> entries = new ArrayList<>();
        for (List<HistoryRecord> run : runs.values()) {
            List<Bench> benches = benches(run, measure);
            if (benches.isEmpty()) {
                continue;
            }
            HistoryRecord first = run.get(0);
            CommitInfo c = first.commit();
            String url = repoUrl == null || c == null ? null : repoUrl.replaceAll("/+$", "") + "/commit/" + c.sha();
            entries.add(new Entry(new Commit(c == null ? "unknown" : c.sha(), c == null ? "" : c.subject(),
                    c == null ? first.recordedAt() : c.date(), url), epochMillis(first.recordedAt()), TOOL, benches));
        }
        return new Data(now.toEpochMilli(), repoUrl, Map.of(SUITE, entries));
    }

    /** {@code window.BENCHMARK_DATA = {...}}, as github-action-benchmark's gh-pages index.html loads it. */
    public static String dataJs(List<HistoryRecord> records, Measure measure, String repoUrl, Instant now) {
        return "window.BENCHMARK_DATA = " + json(data(records, measure, repoUrl, now)) + "\n";
    }

    /** The latest run as the JSON array github-action-benchmark's {@code customBiggerIsBetter} tool reads. */
    public static String benchInput(List<HistoryRecord> records, Measure measure) {
        Map<String, List<HistoryRecord>> runs = byRun(records);
        List<HistoryRecord> latest = runs.isEmpty() ? List.of() : new ArrayList<>(runs.values()).get(runs.size() - 1);
        return json(benches(latest, measure)) + "\n";
    }

    private static Map<String, List<HistoryRecord>> byRun(List<HistoryRecord> records) {
        Map<String, List<HistoryRecord>> runs = new LinkedHashMap<>();
        records.stream().sorted(ModuleSeries.ORDER).forEach(r -> runs.computeIfAbsent(r.runId(), k -> new ArrayList<>()).add(r));
        return runs;
    }

    private static List<Bench> benches(List<HistoryRecord> run, Measure measure) {
        List<Bench> out = new ArrayList<>();
        for (HistoryRecord r : run.stream().sorted(java.util.Comparator.comparing(HistoryRecord::module)).toList()) {
            double v = r.measured() ? r.value(measure) : Double.NaN;
            if (!Double.isFinite(v)) {
                continue;
            }
            double[] spread = r.spread(measure);
            String extra = String.format(Locale.ROOT, "raw %.1f alerts/s/core; %d loops; %s; run %s", r.raw(), r.rates().size(),
                    r.fingerprint() == null ? "machine unknown" : r.fingerprint().describe(), r.runId());
            out.add(new Bench(r.module(), round(v), measure.label(),
                    String.format(Locale.ROOT, "± %.1f", (spread[1] - spread[0]) / 2), extra));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static long epochMillis(String iso) {
        try {
            return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("export is plain records", e);
        }
    }
}
