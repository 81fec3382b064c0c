package io.finkperf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.FunctionProfile;
import io.finkperf.results.LineProfile;
import io.finkperf.results.LineStat;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.RunResults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownSummaryTest {

    @Test
    void matchesGoldenFile() throws Exception {
        ReportGolden.assertMatches("summary.md", new MarkdownSummary().render(ReportFixtures.run()));
    }

    @Test
    void writesSummaryMd(@TempDir Path dir) throws Exception {
        new MarkdownSummary().write(ReportFixtures.run(), dir);
        assertTrue(Files.readString(dir.resolve("summary.md")).startsWith("# fink-perf: fink-science 8.53.0"));
    }

    @Test
    void verdictsFollowTheBudgets() {
        String md = new MarkdownSummary().render(ReportFixtures.run());
        assertTrue(md.contains("| `xmatch_local` | xmatch | 502 ± 35.8 | 500 | ✓ | ✓ |"), md);
        assertTrue(md.contains("| `lc_features` | feature | 25.0 ± 0.89 | 25.0 | ✗ | ✗ |"), md);
        assertTrue(md.contains("| `early_classifier` | ml | 50.1 ± 1.77 | 50.0 | ✗ | ✓ |"), md);
        assertTrue(md.contains("| `slow_lc` | feature | – | – | – | – | 95 MiB | **timeout**: "), md);
    }

    @Nested
    class SizeLimit {

        @Test
        void dropsHotLinesFirst() {
            String full = new MarkdownSummary().render(ReportFixtures.run());
            int limit = full.getBytes(StandardCharsets.UTF_8).length - 100;
            String md = new MarkdownSummary(limit).render(ReportFixtures.run());
            assertTrue(md.getBytes(StandardCharsets.UTF_8).length < limit);
            assertFalse(md.contains("<details>"));
            assertTrue(md.contains("Hottest lines left out to stay under GitHub's 1 MiB summary limit"));
            assertTrue(md.contains("`slow_lc`"), "every module row kept");
        }

        @Test
        void thousandsOfModulesStayUnderOneMiB() {
            List<ModuleResult> many = new ArrayList<>();
            String longSource = "x = " + "<very long line | with pipes> ".repeat(40);
            for (int i = 0; i < 6000; i++) {
                FunctionProfile f = new FunctionProfile("fink_science/ztf/m" + i + "/processor.py", "f", 1, 1000,
                        List.of(new LineStat(2, 1, 900, longSource), new LineStat(3, 1, 100, longSource)));
                many.add(ReportFixtures.module("module_" + i, "flag", "m:f", ModuleStatus.OK, null,
                        List.of(1_000_000_000L), 1L << 20, new LineProfile(List.of(f))));
            }
            RunResults base = ReportFixtures.run();
            RunResults big = new RunResults(base.schema(), base.toolVersion(), base.startedAt(), base.finishedAt(),
                    base.environment(), base.config(), many);
            String md = new MarkdownSummary().render(big);
            assertTrue(md.getBytes(StandardCharsets.UTF_8).length < MarkdownSummary.GITHUB_LIMIT_BYTES);
            assertTrue(md.contains("more modules left out to stay under GitHub's 1 MiB summary limit"));
            assertTrue(md.contains("## Artifacts"), "the links are kept");
        }
    }

    @Nested
    class Escaping {

        @Test
        void cellEscapesPipesHtmlAndNewlines() {
            assertEquals("a \\| b &lt;script&gt; c", MarkdownText.cell("a | b <script>\n c"));
        }

        @Test
        void codeSpanSurvivesBackticksAndPipes() {
            assertEquals("``a `b` \\| c``", MarkdownText.code("a `b` | c"));
            assertEquals("`` `tick` ``", MarkdownText.code("`tick`"));
            assertEquals("`x < y`", MarkdownText.code("x < y"));
        }

        @Test
        void errorMessagesAreOneLineAndEscaped() {
            String md = new MarkdownSummary().render(ReportFixtures.run());
            assertTrue(md.contains("slow\\_lc exceeded its 10m timeout after 2 of 5 loops |\n"), md);
            assertFalse(md.contains("Traceback"), "tracebacks stay in index.html");
        }
    }
}
