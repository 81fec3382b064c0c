package io.finkperf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.ScaleFixtures;
import io.finkperf.results.ScaleReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleReportsTest {

    @TempDir
    Path tmp;

    @Test
    void scaleMarkdownMatchesItsGoldenFile() throws IOException {
        ReportGolden.assertMatches("scale.md", ScaleMarkdown.markdown(ScaleFixtures.report()));
    }

    @Test
    void theNightTableIsSortedByCostAndEndsWithTheTotal() {
        String md = ScaleMarkdown.table(ScaleFixtures.report());
        List<String> rows = md.lines().filter(l -> l.startsWith("| `") || l.startsWith("| **")).toList();
        assertEquals(List.of("slow_lc", "lc_features", "xmatch_local"),
                rows.stream().filter(l -> l.startsWith("| `")).map(l -> l.split("`")[1]).toList());
        assertTrue(rows.get(rows.size() - 1).startsWith("| **total**"), md);
        assertTrue(md.contains("`broken`: error — exception: boom"), md);
    }

    @Test
    void chartsPlotEveryMeasuredModuleWithItsFit() throws IOException {
        ScaleReport r = ScaleFixtures.report();
        XYDataset cost = ScaleCharts.cost(r).getXYPlot().getDataset();
        assertEquals(6, cost.getSeriesCount()); // measured + fit for 3 modules, none for the failed one
        assertEquals(4, cost.getItemCount(0));
        assertEquals(r.modules().get(0).batchSizes().get(3).calls().meanCpuNs() / 1e6, cost.getYValue(0, 3), 1e-9);
        XYDataset length = ScaleCharts.length(r).getXYPlot().getDataset();
        assertTrue(length.getSeriesKey(1).toString().startsWith("slow_lc: t ∝ L^2.0"), length.getSeriesKey(1).toString());
        CategoryDataset night = ScaleCharts.night(r).getCategoryPlot().getDataset();
        // shares of the night, costliest first, adding up to 100 %
        assertEquals(100 * r.byNightCost().get(0).night().coreHours() / r.total().coreHours(),
                night.getValue(0, 0).doubleValue(), 1e-9);
        double sum = 0;
        for (int i = 0; i < night.getRowCount(); i++) {
            sum += night.getValue(i, 0).doubleValue();
        }
        assertEquals(100, sum, 1e-9);
        new ScaleCharts().write(ReportFixtures.run().withScale(r), tmp);
        for (String f : List.of(ScaleCharts.COST, ScaleCharts.LENGTH, ScaleCharts.NIGHT)) {
            BufferedImage img = PngAssertions.decode(Files.readAllBytes(tmp.resolve(f)));
            PngAssertions.assertNotBlank(img, 200);
        }
    }

    @Test
    void nothingIsWrittenWithoutAScaleSection() throws IOException {
        new ScaleCharts().write(ReportFixtures.run().withScale(null), tmp);
        new ScaleMarkdown().write(ReportFixtures.run().withScale(null), tmp);
        assertFalse(Files.exists(tmp.resolve(ScaleCharts.COST)));
        assertFalse(Files.exists(tmp.resolve(ScaleMarkdown.FILE)));
    }
}
