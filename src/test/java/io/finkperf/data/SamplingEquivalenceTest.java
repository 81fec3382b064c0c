package io.finkperf.data;

import io.finkperf.batch.BatchInfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The held-source sampler writes the very bytes of the Spark (window + explode + sort) reference. */
class SamplingEquivalenceTest extends LocalSparkTest {

    /** Small chunks, so replicas straddle chunk boundaries. */
    private static final int CHUNK_ROWS = 40;

    @TempDir
    Path tmp;

    static Stream<Arguments> requests() {
        List<Arguments> out = new ArrayList<>();
        for (Object[] file : new Object[][] {{TestData.ZTF_RAW, Survey.ZTF, 51L},
                {TestData.ZTF_FTRANSFER, Survey.ZTF, 72L}, {TestData.RUBIN, Survey.RUBIN, 25L}}) {
            long count = (Long) file[2];
            // fewer, exactly count, all (0), and more than count but not a multiple of it
            for (long n : new long[] {1, count - 7, count, 0, 2 * count + 13}) {
                out.add(Arguments.of(file[0], file[1], n));
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("requests")
    void heldSourceWritesTheReferenceBytes(Path file, Survey survey, long n) throws IOException {
        try (AlertData data = AlertData.open(file, survey, spark)) {
            List<String> columns = List.copyOf(data.availableColumns());
            Path reference = tmp.resolve("reference");
            Path held = tmp.resolve("held");
            data.writeBatch(columns, n, reference, CHUNK_ROWS, Sampling.IN_SPARK);
            BatchInfo info = data.writeBatch(columns, n, held, CHUNK_ROWS, Sampling.HELD_SOURCE);
            assertEquals(n <= 0 ? data.count() : n, info.nRows());
            assertSameFiles(reference, held);
        }
    }

    @Test
    void smallSourcesAreHeldBigOnesStayInSpark() {
        assertEquals(Sampling.HELD_SOURCE, Sampling.forSource(72));
        assertEquals(Sampling.HELD_SOURCE, Sampling.forSource(Sampling.MAX_HELD_SOURCE_ROWS));
        assertEquals(Sampling.IN_SPARK, Sampling.forSource(Sampling.MAX_HELD_SOURCE_ROWS + 1));
    }

    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<Path> expectedFiles = relativeFiles(expected);
        assertEquals(expectedFiles, relativeFiles(actual), "same files");
        for (Path f : expectedFiles) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f.toString());
        }
    }

    private static List<Path> relativeFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
