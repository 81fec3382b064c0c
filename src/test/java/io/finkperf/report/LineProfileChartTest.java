package io.finkperf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.LineProfile.HotLine;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineProfileChartTest {

    @Test
    void onePngPerProfiledModule(@TempDir Path dir) throws Exception {
        new LineProfileChart().write(ReportFixtures.run(), dir);
        for (String m : new String[] {"xmatch_local", "lc_features", "early_classifier"}) {
            BufferedImage img = PngAssertions.decode(Files.readAllBytes(dir.resolve("line_profile_" + m + ".png")));
            assertEquals(1100, img.getWidth());
            PngAssertions.assertNotBlank(img, 20);
        }
        assertFalse(Files.exists(dir.resolve("line_profile_slow_lc.png")), "no profile, no chart");
    }

    @Test
    void hottestBarIsHot() throws Exception {
        BufferedImage img = PngAssertions.decode(Charts.png(LineProfileChart.render(ReportFixtures.xmatch())));
        assertTrue(PngAssertions.count(img, Heat.color(80.0)) > 2000, "the 80 % line's bar");
    }

    @Test
    void labelsShortenTheFileAndTrimTheSource() {
        HotLine top = ReportFixtures.classifier().lineProfile().hottestLines(1).get(0);
        assertEquals("processor.py:12  proba = clf.predict_proba(feats)[:, 1]", LineProfileChart.label(top));
        HotLine loop = ReportFixtures.lcFeaturesLongLine();
        String label = LineProfileChart.label(loop);
        assertTrue(label.startsWith("processor.py:43  out.append("), label);
        assertEquals("processor.py:43  ".length() + LineProfileChart.SOURCE_CHARS, label.length());
        assertTrue(label.endsWith("…"));
    }
}
