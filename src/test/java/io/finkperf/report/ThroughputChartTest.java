package io.finkperf.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.RunResults;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThroughputChartTest {

    @Test
    void writesADecodablePngOfTheExpectedSize(@TempDir Path dir) throws Exception {
        new ThroughputChart().write(ReportFixtures.run(), dir);
        BufferedImage img = PngAssertions.decode(Files.readAllBytes(dir.resolve("throughput.png")));
        assertEquals(900, img.getWidth());
        assertEquals(620, img.getHeight());
        PngAssertions.assertNotBlank(img, 20);
    }

    @Test
    void barsAreColouredByModuleType() throws Exception {
        BufferedImage img = PngAssertions.decode(Charts.png(ThroughputChart.render(ReportFixtures.run())));
        // bars, not just the legend's 12x12 swatch
        assertTrue(PngAssertions.count(img, TypeColors.of("xmatch")) > 2000, "xmatch bar");
        assertTrue(PngAssertions.count(img, TypeColors.of("ml")) > 1000, "ml bar");
        assertTrue(PngAssertions.count(img, TypeColors.of("feature")) > 1000, "feature bar");
        assertTrue(PngAssertions.count(img, TypeColors.of("flag")) == 0, "no flag module, no flag colour");
    }

    @Test
    void failedModuleKeepsItsSlotWithoutABar() {
        DefaultCategoryDataset data = ThroughputChart.dataset(ReportFixtures.run());
        assertEquals(List.of("xmatch_local", "lc_features", "early_classifier", "slow_lc"), data.getColumnKeys());
        assertNull(data.getValue(ThroughputChart.SERIES, "slow_lc"));
        assertEquals(502.02, data.getValue(ThroughputChart.SERIES, "xmatch_local").doubleValue(), 0.01);
    }

    @Test
    void logRangeStartsAtADecadeAndCoversBothBudgets() {
        double[] range = ThroughputChart.range(ReportFixtures.run().modules());
        assertEquals(10.0, range[0], 1e-9);
        assertTrue(range[1] > 502 + 36);
        assertArrayEquals(new double[] {10, 187.5}, ThroughputChart.range(List.of()), 1e-9);
    }

    @Test
    void manyLongNamesWidenTheChart() throws Exception {
        RunResults base = ReportFixtures.run();
        var many = new java.util.ArrayList<>(base.modules());
        for (int i = 0; i < 16; i++) {
            many.add(ReportFixtures.module("a_rather_long_module_name_" + i, "agg", "m:f",
                    io.finkperf.results.ModuleStatus.OK, null, List.of(100_000_000L), 0, null));
        }
        RunResults big = new RunResults(base.schema(), base.toolVersion(), base.startedAt(), base.finishedAt(),
                base.environment(), base.config(), many);
        BufferedImage img = PngAssertions.decode(Charts.png(ThroughputChart.render(big)));
        assertEquals(160 + 80 * 20, img.getWidth());
        assertTrue(PngAssertions.count(img, TypeColors.of("agg")) > 5000);
    }

    @Test
    void noModulesStillRenders() throws Exception {
        RunResults base = ReportFixtures.run();
        RunResults none = new RunResults(base.schema(), null, null, null, null, null, List.of());
        PngAssertions.assertNotBlank(PngAssertions.decode(Charts.png(ThroughputChart.render(none))), 3);
    }
}
