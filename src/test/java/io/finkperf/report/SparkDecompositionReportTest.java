package io.finkperf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.ModuleResult;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunResults;
import io.finkperf.results.SparkModeResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports of a real spark-bench run (local[2], 72 bundled alerts, 3 example modules, 2 loops). */
class SparkDecompositionReportTest {

    static RunResults spark;

    @BeforeAll
    static void load() throws IOException {
        spark = ResultsJson.read(ReportGolden.DIR.resolve("spark-bench-results.json"));
    }

    @Nested
    class Markdown {

        @Test
        void matchesGolden() throws IOException {
            ReportGolden.assertMatches("spark_decomposition.md", SparkDecompositionMarkdown.markdown(spark));
        }

        @Test
        void eachModulesPartsAddUpToItsMeasuredWallTime() {
            for (ModuleResult m : SparkExtras.modules(spark)) {
                SparkModeResult.Decomposition d = m.extra().sparkResult().decomposition();
                double sum = d.parts().values().stream().mapToDouble(Double::doubleValue).sum();
                assertEquals(d.totalSeconds(), sum, 1e-9, m.name());
            }
        }

        @Test
        void summaryCarriesTheComparisonAndLinksTheDetail() {
            String md = new MarkdownSummary().render(spark);
            assertTrue(md.contains("## Spark mode vs direct"), md);
            assertTrue(md.contains("| slow_lc | 72 | 2 |"), md);
            assertTrue(md.contains("[spark_decomposition.md](spark_decomposition.md)"), md);
        }

        @Test
        void nothingIsWrittenForADirectRun(@TempDir Path dir) throws IOException {
            new SparkDecompositionMarkdown().write(ReportFixtures.run(), dir);
            new SparkDecompositionChart().write(ReportFixtures.run(), dir);
            assertFalse(Files.exists(dir.resolve(SparkDecompositionMarkdown.FILE)));
            assertFalse(Files.exists(dir.resolve(SparkDecompositionChart.FILE)));
            assertFalse(new MarkdownSummary().render(ReportFixtures.run()).contains("Spark mode"));
        }
    }

    @Test
    void throughputChartSaysItsRatesAreSparkModes() {
        assertTrue(ThroughputChart.subtitle(spark).contains("Spark mode on local[2], per core used"), ThroughputChart.subtitle(spark));
        assertFalse(ThroughputChart.subtitle(ReportFixtures.run()).contains("Spark"));
    }

    @Test
    void htmlReportHasASparkSectionOnlyForSparkRuns() {
        String html = HtmlReport.render(spark);
        assertTrue(html.contains("<a href=\"#spark\">Spark</a>") && html.contains("<h2 id=\"spark\">"), "spark run");
        assertFalse(HtmlReport.render(ReportFixtures.run()).contains("id=\"spark\""), "direct run");
    }

    @Nested
    class Chart {

        @Test
        void oneSparkAndOneDirectBarPerModule(@TempDir Path dir) throws IOException {
            new SparkDecompositionChart().write(spark, dir);
            BufferedImage img = PngAssertions.decode(Files.readAllBytes(dir.resolve(SparkDecompositionChart.FILE)));
            assertEquals(SparkDecompositionChart.WIDTH, img.getWidth());
            assertEquals(180 + 110 * 3, img.getHeight());
            PngAssertions.assertNotBlank(img, 100);
        }

        @Test
        void pythonStartDominatesAsInTheData() {
            BufferedImage img = SparkDecompositionChart.render(spark);
            int scheduling = PngAssertions.count(img, SparkDecompositionChart.PART_COLORS[0]);
            int pythonStart = PngAssertions.count(img, SparkDecompositionChart.PART_COLORS[2]);
            // 0.41 s of 0.49 s per loop is Python start/import/exit for lc_features; scheduling 0.05 s
            assertTrue(pythonStart > 3 * scheduling, pythonStart + " vs " + scheduling);
        }
    }
}
