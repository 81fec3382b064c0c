package io.finkperf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineProfileTextTest {

    @Test
    void oneFunctionMatchesGoldenFile() throws Exception {
        ReportGolden.assertMatches("line_profile_xmatch_local.txt", LineProfileText.render(ReportFixtures.xmatch()));
    }

    @Test
    void nestedFunctionsMatchGoldenFile() throws Exception {
        ReportGolden.assertMatches("line_profile_early_classifier.txt",
                LineProfileText.render(ReportFixtures.classifier()));
    }

    @Test
    void oneFilePerProfiledModuleOnly(@TempDir Path dir) throws Exception {
        new LineProfileText().write(ReportFixtures.run(), dir);
        try (var files = Files.list(dir)) {
            assertEquals(List.of("line_profile_early_classifier.txt", "line_profile_lc_features.txt",
                    "line_profile_xmatch_local.txt"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertFalse(Files.exists(dir.resolve("line_profile_slow_lc.txt")));
    }
}
