package io.finkperf.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.finkperf.testing.GoldenFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** results.json is a contract (the action's scripts, docs, other tools): its exact text is sealed here. */
class ResultsJsonGoldenTest {

    static final GoldenFiles GOLDEN = GoldenFiles.of("results");
    static final String NAME = "results.json";

    @TempDir
    Path tmp;

    String written(RunResults r) throws IOException {
        Path file = tmp.resolve("results.json");
        ResultsJson.write(r, file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void everySectionIsWrittenAsSealed() throws IOException {
        GOLDEN.assertMatches(NAME, written(GoldenRun.run()));
    }

    @Test
    void theSealedFileReadsBackToTheSameRun() throws IOException {
        assertEquals(GoldenRun.run(), ResultsJson.read(GOLDEN.file(NAME)));
    }

    @Test
    void readingThenWritingTheSealedFileGivesItBackByteForByte() throws IOException {
        String golden = Files.readString(GOLDEN.file(NAME), StandardCharsets.UTF_8);
        assertEquals(golden, written(ResultsJson.read(GOLDEN.file(NAME))));
    }

    @Nested
    class StatisticsAModuleDoesNotHave {

        JsonNode module(String name) throws IOException {
            for (JsonNode m : ResultsJson.mapper().readTree(written(GoldenRun.run())).path("modules")) {
                if (m.path("name").asText().equals(name)) {
                    return m;
                }
            }
            throw new AssertionError("no module " + name);
        }

        @Test
        void areNullNotTheStringNaN() throws IOException {
            JsonNode slow = module("slow_lc");
            for (String stats : new String[] {"timeStats", "throughputStats"}) {
                assertTrue(slow.get(stats).isNull(), stats + ": " + slow.get(stats));
            }
            assertTrue(slow.get("peakRssBytes").isNull(), "peak RSS never measured");
            assertTrue(module("early_classifier").path("extra").path("spark").get("directWarmupSeconds").isNull());
        }

        @Test
        void readBackAsNaN() throws IOException {
            RunResults back = ResultsJson.read(GOLDEN.file(NAME));
            ModuleResult slow = back.module("slow_lc").orElseThrow();
            assertTrue(Double.isNaN(slow.throughputStats().mean()));
            assertEquals(0, slow.peakRssBytes(), "null reads back as not measured");
            assertTrue(Double.isNaN(back.module("early_classifier").orElseThrow().extra().sparkResult().directWarmupSeconds()));
        }

        @Test
        void writtenAsTheStringNaNByEarlierVersionsStillRead() throws IOException {
            String old = written(GoldenRun.run()).replace("\"directWarmupSeconds\" : null", "\"directWarmupSeconds\" : \"NaN\"");
            assertTrue(old.contains("\"NaN\""));
            Path file = Files.writeString(tmp.resolve("old.json"), old);
            assertTrue(Double.isNaN(ResultsJson.read(file).module("early_classifier").orElseThrow().extra().sparkResult()
                    .directWarmupSeconds()));
        }
    }

    @Test
    void aSparkFailureAndASparkMeasurementAreToldApartByTheirFields() throws IOException {
        RunResults back = ResultsJson.read(GOLDEN.file(NAME));
        assertInstanceOf(SparkModeResult.class, back.module("early_classifier").orElseThrow().extra().spark());
        SparkFailure failure = assertInstanceOf(SparkFailure.class, back.module("sized").orElseThrow().extra().spark());
        assertEquals(2, failure.errors().size());
        assertEquals(null, back.module("sized").orElseThrow().extra().sparkResult());
    }

    @Test
    void aSparkRunOfAnEarlierVersionReadsIntoTypedRecords() throws IOException {
        // written by the untyped extra map: no pythonWorkerReuse, executorId, host or reusedWorker yet
        RunResults r = ResultsJson.read(GoldenFiles.of("report").dir().resolve("spark-bench-results.json"));
        SparkModeResult s = r.module("slow_lc").orElseThrow().extra().sparkResult();
        assertEquals(2, s.coresUsed());
        assertEquals(SparkModeResult.COMPUTE_PART, s.decomposition().parts().keySet().stream().toList().get(3));
        assertEquals(2, s.loops().get(0).partitions().size());
        assertTrue(s.decomposition().withinTolerance());
    }
}
