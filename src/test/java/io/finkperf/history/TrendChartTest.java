package io.finkperf.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TrendChartTest {

    /** 30 commits of slow_lc: 15 % slower from commit 18, the machine changes at 10 (calibrated away), v8.0.0 at 0. */
    static ModuleSeries fixture() {
        Random rnd = new Random(11);
        List<HistoryRecord> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double speed = i >= 10 ? 1.3 : 1.0;
            double rate = 4400 * speed * (i >= 18 ? 0.85 : 1.0) * (1 + 0.02 * rnd.nextGaussian());
            records.add(HistoryFixtures.record("slow_lc", i, rate, 0.018 / speed, i >= 10 ? HistoryFixtures.MACHINE_B
                    : HistoryFixtures.MACHINE_A, rnd));
        }
        return ModuleSeries.of(records, "slow_lc", Measure.CALIBRATED);
    }

    static int count(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void drawsTheStepTheLevelsAndTheMachineChange() throws Exception {
        ModuleSeries s = fixture();
        assertEquals(1, s.steps().size());
        byte[] png = TrendChart.png(s, 1000, 520);
        String preview = System.getProperty("preview.dir");
        if (preview != null) {
            Files.createDirectories(Path.of(preview));
            Files.write(Path.of(preview, "trend-slow_lc.png"), png);
        }
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1000, img.getWidth());
        assertTrue(count(img, TrendChart.STEP_DOWN) > 60, "the red step and its label");
        assertEquals(0, count(img, TrendChart.STEP_UP), "no step up");
        assertTrue(count(img, TrendChart.MACHINE) > 50, "the machine-change line");
    }

    @Test
    void subtitleSaysRunsCommitsAndSteps() {
        assertTrue(TrendChart.subtitle(fixture()).matches("30 runs over 30 commits · latest [0-9,.]+ · 1 step"),
                TrendChart.subtitle(fixture()));
    }

    @Test
    void linearWithinAFactorThreeElseLogFromADecade() {
        org.junit.jupiter.api.Assertions.assertInstanceOf(org.jfree.chart.axis.NumberAxis.class, TrendChart.yAxis("y", 3800, 4600));
        var log = org.junit.jupiter.api.Assertions.assertInstanceOf(org.jfree.chart.axis.LogAxis.class,
                TrendChart.yAxis("y", 150, 3000));
        assertEquals(100, log.getLowerBound(), 1e-9);
        assertTrue(log.getUpperBound() > 3000);
    }

    @Test
    void atMostThirtyCommitLabels() {
        assertEquals(1, TrendChart.tickStep(30));
        assertEquals(4, TrendChart.tickStep(100));
    }
}
