package io.finkperf.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleReportJsonTest {

    @TempDir
    Path tmp;

    static ScaleReport report() {
        return ScaleFixtures.report();
    }

    @Test
    void theScaleSectionSurvivesARoundTripAndIsAbsentWhenNotAskedFor() throws IOException {
        Path file = tmp.resolve("results.json");
        ResultsJson.write(ResultsJsonTest.run().withScale(report()), file);
        ScaleReport back = ResultsJson.read(file).scale();
        ScaleResult m = back.modules().get(0);
        ScaleResult orig = report().modules().get(0);
        assertEquals(orig.costFit().aNs(), m.costFit().aNs());
        assertEquals(orig.costFit().bInterval95()[1], m.costFit().bInterval95()[1]);
        assertEquals(orig.lengthFit().exponent(), m.lengthFit().exponent());
        assertEquals(orig.batchSizes(), m.batchSizes());
        assertEquals(orig.night(), m.night());
        assertEquals(orig.cold(), m.cold());
        assertEquals(orig.timing(), m.timing(), "who timed the calls, with every round trip and CPU reading");
        assertEquals(1, m.timing().fromJvm());
        assertNull(back.modules().get(2).timing(), "a module of an earlier file: not timed by fink-perf");
        assertEquals(report().settings(), back.settings());
        assertEquals("exception: boom", back.modules().get(3).message());
        assertEquals(3, back.byNightCost().size());

        ResultsJson.write(ResultsJsonTest.run(), file);
        assertNull(ResultsJson.read(file).scale());
        assertFalse(Files.readString(file).contains("\"scale\""));
    }
}
