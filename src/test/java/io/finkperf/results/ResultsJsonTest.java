package io.finkperf.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {

    @TempDir
    Path tmp;

    static RunResults run() {
        ModuleResult m = ModuleResult.builder("slow_lc", "feature", "fink_science.ztf.slow_lc.processor:slow", "slow")
                .nAlerts(1000).nChunks(1).importNs(5_000_000L)
                .loops(List.of(300_000_000L), List.of(250_000_000L, 200_000_000L, 500_000_000L))
                .peakRssBytes(64L << 20).cpuSeconds(0.9, 0.05).output("ab12", "float64").inputs(Map.of("cjd", "data"))
                .wallSeconds(1.5).build();
        Environment env = new Environment("cpu", 2, 1L << 30, "Linux", "17", "host", "/s", null, "1.0", "d.parquet",
                "ztf-raw", "ztf", Map.of(), Map.of());
        RunConfig config = new RunConfig("r.yaml", List.of("slow_lc"), 1000, 1, 3, 10000, 600, "local", "direct");
        return new RunResults(RunResults.SCHEMA, "0.1.0", "2026-11-25T00:00:00Z", null, env, config, List.of(m));
    }

    @Test
    void rawSamplesSurviveARoundTrip() throws IOException {
        Path file = tmp.resolve("results.json");
        ResultsJson.write(run(), file);
        RunResults back = ResultsJson.read(file);
        assertEquals(run().modules().get(0).samplesNs(), back.modules().get(0).samplesNs());
        assertEquals(run(), back);
    }

    @Test
    void derivedStatisticsAreWrittenForOtherReaders() throws IOException {
        Path file = tmp.resolve("results.json");
        ResultsJson.write(run(), file);
        JsonNode m = new ObjectMapper().readTree(file.toFile()).path("modules").get(0);
        // 1000 alerts in 0.25, 0.2, 0.5 s: 4000, 5000, 2000 alerts/s
        assertEquals(5000.0, m.path("throughputStats").path("max").asDouble(), 1e-9);
        assertEquals(4000.0, m.path("throughputStats").path("median").asDouble(), 1e-9);
        assertEquals(0.25, m.path("timeStats").path("median").asDouble(), 1e-12);
    }

    @Test
    void rewritingLeavesNoScratchFileAndKeepsPlainFilePermissions() throws IOException {
        Path file = tmp.resolve("results.json");
        ResultsJson.write(run(), file);
        ResultsJson.write(run(), file);
        Path plain = Files.createFile(tmp.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of("plain", "results.json"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aFileOfAnotherKindIsRefusedWithItsName() throws IOException {
        Path other = Files.writeString(tmp.resolve("package.json"), "{\"schema\": \"npm\"}");
        IOException e = assertThrows(IOException.class, () -> ResultsJson.read(other));
        assertTrue(e.getMessage().startsWith(other + " is not a fink-perf results file"), e.getMessage());
    }
}
