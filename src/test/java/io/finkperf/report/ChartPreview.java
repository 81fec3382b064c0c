package io.finkperf.report;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Writes the fixture report into target for a person to look at (mvn ... -Dtest=ChartPreview). */
class ChartPreview {

    @Test
    void writeAll() throws Exception {
        Path dir = Path.of(System.getProperty("preview.dir", "target-report/preview"));
        Files.createDirectories(dir);
        for (ReportWriter w : Reports.all()) {
            try {
                w.write(ReportFixtures.run(), dir);
            } catch (RuntimeException e) {
                System.err.println(w.getClass().getSimpleName() + ": " + e);
            }
        }
    }
}
