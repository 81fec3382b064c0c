package io.finkperf.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFormatsTest {

    /** Two modules over 8 commits; slow_lc 40 % slower from commit 5; a failed run of lc_features at commit 3. */
    static List<HistoryRecord> records() {
        Random rnd = new Random(8);
        List<HistoryRecord> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            out.add(rename(HistoryFixtures.record("slow_lc", i, i >= 5 ? 2640 : 4400, 0.018, HistoryFixtures.MACHINE_A, rnd), i));
            HistoryRecord lc = rename(HistoryFixtures.record("lc_features", i, 36000, 0.018, HistoryFixtures.MACHINE_A, rnd), i);
            if (i == 3) {
                lc = new HistoryRecord(lc.schema(), lc.runId(), lc.module(), lc.type(), "error", lc.commit(), lc.scienceVersion(),
                        lc.recordedAt(), lc.toolVersion(), lc.survey(), lc.mode(), lc.nAlerts(), lc.dataSha256(), lc.fingerprint(),
                        lc.calibration(), List.of(), lc.reportLink());
            }
            out.add(lc);
        }
        return out;
    }

    /** Both modules of a commit in one run. */
    private static HistoryRecord rename(HistoryRecord r, int i) {
        return new HistoryRecord(r.schema(), "run-" + i, r.module(), r.type(), r.status(), r.commit(), r.scienceVersion(),
                r.recordedAt(), r.toolVersion(), r.survey(), r.mode(), r.nAlerts(), r.dataSha256(), r.fingerprint(),
                r.calibration(), r.rates(), i == 7 ? "https://github.com/o/r/actions/runs/7" : null);
    }

    static List<ModuleSeries> series() {
        List<HistoryRecord> all = records();
        return ModuleSeries.modules(all).stream().map(m -> ModuleSeries.of(all, m, Measure.CALIBRATED)).toList();
    }

    @Nested
    class Export {

        @Test
        void dataJsMatchesGolden() throws Exception {
            HistoryGolden.assertMatches("data.js", BenchmarkExport.dataJs(records(), Measure.CALIBRATED,
                    "https://github.com/astrolabsoftware/fink-science", Instant.parse("2026-11-29T09:00:00Z")));
        }

        @Test
        void dataJsIsWhatTheDashboardReads() throws Exception {
            String js = BenchmarkExport.dataJs(records(), Measure.CALIBRATED, null, Instant.EPOCH);
            assertTrue(js.startsWith("window.BENCHMARK_DATA = {"));
            JsonNode data = new ObjectMapper().readTree(js.substring(js.indexOf('{')));
            JsonNode entries = data.get("entries").get(BenchmarkExport.SUITE);
            assertEquals(8, entries.size(), "one entry per run");
            assertEquals(BenchmarkExport.TOOL, entries.get(0).get("tool").asText());
            assertEquals(1, entries.get(3).get("benches").size(), "the failed module has no bench");
            double before = entries.get(0).get("benches").get(1).get("value").asDouble();
            double after = entries.get(7).get("benches").get(1).get("value").asDouble();
            assertEquals(0.6, after / before, 0.02, "slow_lc, 40 % slower after the step");
        }

        @Test
        void benchInputIsTheLatestRun() throws Exception {
            HistoryGolden.assertMatches("bench-input.json", BenchmarkExport.benchInput(records(), Measure.CALIBRATED));
            JsonNode benches = new ObjectMapper().readTree(BenchmarkExport.benchInput(records(), Measure.RAW));
            assertEquals(List.of("lc_features", "slow_lc"), List.of(benches.get(0).get("name").asText(), benches.get(1).get("name").asText()));
            assertEquals("raw alerts/s/core", benches.get(0).get("unit").asText());
        }
    }

    @Nested
    class Site {

        @TempDir
        Path dir;

        Path written() {
            HistoryStore store = new HistoryStore(dir.resolve("store"));
            List<HistoryRecord> all = records();
            for (int i = 0; i < 8; i++) {
                String run = "run-" + i;
                store.append(all.stream().filter(r -> r.runId().equals(run)).toList());
            }
            Path site = dir.resolve("site");
            new HistorySite(Measure.CALIBRATED, "https://github.com/o/r/").write(store, site);
            return site;
        }

        @Test
        void summaryMatchesGolden() throws Exception {
            HistoryGolden.assertMatches("summary.md", HistorySummary.markdown(series()));
        }

        @Test
        void indexListsEveryModuleWithItsTrendAndLastStep() throws Exception {
            String index = Files.readString(written().resolve("index.html"), StandardCharsets.UTF_8);
            assertTrue(index.contains("<a href=\"slow_lc.html\"><code>slow_lc</code></a>"));
            assertTrue(index.contains("<a href=\"lc_features.html\"><code>lc_features</code></a>"));
            assertTrue(java.util.regex.Pattern.compile("-(39\\.[5-9]|40\\.[0-4]) % since v8\\.0\\.0").matcher(index).find(),
                    "slow_lc, 40 % slower since the release at commit 0");
            assertTrue(java.util.regex.Pattern.compile("<span class=\"down\">-(39\\.[5-9]|40\\.[0-4]) %</span> at").matcher(index).find(),
                    "slow_lc's last step");
            assertEquals(2, index.split("<svg class=\"spark\"", -1).length - 1, "one sparkline per module");
            assertFalse(index.contains("<script"), "no script: the site is static");
        }

        @Test
        void modulePageEmbedsItsChartAndLinksCommitsAndReports() throws Exception {
            Path site = written();
            String page = Files.readString(site.resolve("slow_lc.html"), StandardCharsets.UTF_8);
            assertTrue(page.contains("src=\"data:image/png;base64,iVBOR"), "the chart is embedded");
            assertTrue(Files.size(site.resolve("slow_lc.png")) > 10_000, "and written for job summaries");
            String c4 = HistoryFixtures.commit(4).sha();
            String c5 = HistoryFixtures.commit(5).sha();
            assertTrue(page.contains("<a href=\"https://github.com/o/r/commit/" + c4 + "\"><code title=\"" + c4 + "\">"));
            assertTrue(page.contains("<a href=\"https://github.com/o/r/commit/" + c5 + "\">"));
            assertTrue(page.contains("<a href=\"https://github.com/o/r/actions/runs/7\">report</a>"));
            String lc = Files.readString(site.resolve("lc_features.html"), StandardCharsets.UTF_8);
            assertTrue(lc.contains("No step"), "lc_features is flat");
            assertTrue(lc.contains("<tr class=\"failed\">") && lc.contains(">error</td>"), "the failed run is listed");
        }

        @Test
        void anEmptyStoreIsNamed() {
            HistoryStore empty = new HistoryStore(dir);
            HistoryException e = assertThrows(HistoryException.class,
                    () -> new HistorySite(Measure.CALIBRATED, null).write(empty, dir.resolve("site")));
            assertTrue(e.getMessage().contains("has no run yet"));
        }

        @Test
        void moduleNamesCannotEscapeTheSite() {
            assertEquals("__.._etc_passwd", HistorySite.fileName("../../etc/passwd"));
            assertFalse(HistorySite.fileName("..").startsWith("."));
        }
    }
}
