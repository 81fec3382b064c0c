package io.finkperf.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.batch.BatchColumnValues;
import io.finkperf.results.Comparison;
import io.finkperf.results.ComparisonJson;
import io.finkperf.results.ComparisonModule;
import io.finkperf.results.ComparisonVerdict;
import io.finkperf.results.LineChange;
import io.finkperf.results.OutputComparison;
import io.finkperf.testing.FinkPerfCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare} end to end on copies of the bundled examples, each with a one-line change. */
class CompareExamplesIT {

    static final Path EXAMPLES = Path.of(System.getProperty("finkperf.projectDir", ".")).resolve("examples/science");
    static final String SLOW_LC = "fink_science/ztf/slow_lc/processor.py";
    static final String LC_FEATURES = "fink_science/ztf/lc_features/processor.py";

    @TempDir
    static Path tmp;
    static Path base;

    @BeforeAll
    static void copies() throws IOException {
        base = copy("base");
    }

    @Test
    void a_one_line_slowdown_of_slow_lc_flags_exactly_slow_lc_and_its_line_tops_the_line_diff() throws IOException {
        Path head = copy("head-slow");
        // about 30 % more work in the innermost loop; the result is the same to the bit (x + 0.0 == x)
        edit(head.resolve(SLOW_LC), "total += d2 / (1.0 + dt / tau)", "total += d2 / (1.0 + dt / tau) + 0.0 * tau");

        Comparison c = compare(head, "all", "a", 12, "--fail-on", "regression");

        List<String> slower = c.modules().stream().filter(m -> m.verdict() == ComparisonVerdict.SLOWER)
                .map(ComparisonModule::name).toList();
        assertEquals(List.of("slow_lc"), slower, "verdicts: " + verdicts(c));
        ComparisonModule slow = c.modules().stream().filter(m -> m.name().equals("slow_lc")).findFirst().orElseThrow();
        assertTrue(slow.time().low() > 1.05 && slow.time().ratio() < 1.8, slow.time().toString());
        LineChange top = slow.lines().get(0);
        assertTrue(top.source().contains("+ 0.0 * tau"), top.toString());
        assertEquals("total += d2 / (1.0 + dt / tau)", top.baseSource().strip());
        assertEquals(top.baseLine(), top.headLine());
        assertEquals(top.baseHits(), top.headHits());
        c.modules().forEach(m -> assertEquals(OutputComparison.SAME, m.output().verdict(), m.name()));
        assertTrue(Files.readString(tmp.resolve("out-a/compare.md")).contains("🔴 **slower**"));
        assertTrue(Files.readString(tmp.resolve("out-a/compare-junit.xml")).contains("<failure message=\"slower"));
    }

    @Test
    void a_changed_result_of_lc_features_is_flagged_with_the_number_of_alerts_that_differ() throws IOException {
        Path head = copy("head-output");
        edit(head.resolve(LC_FEATURES), "    return pd.Series(out, dtype=np.float64)",
                "    out[:5] = [42.0] * 5\n    return pd.Series(out, dtype=np.float64)");

        Comparison c = compare(head, "lc_features", "b", 22, "--fail-on", "regression,output-changed");

        OutputComparison o = c.modules().get(0).output();
        assertEquals(OutputComparison.CHANGED, o.verdict());
        assertTrue(o.perAlert());
        assertEquals(72, o.nAlerts());
        assertEquals(5, o.nDiffer(), "the first five alerts of the only chunk");
        assertEquals(5, o.examples().size());
        List<Object> ids = BatchColumnValues.read(tmp.resolve("out-b/.work-compare/batch"), "objectId").orElseThrow();
        for (int i = 0; i < 5; i++) {
            assertEquals(i, o.examples().get(i).row());
            assertEquals(ids.get(i), o.examples().get(i).objectId());
            assertEquals("42.0", o.examples().get(i).head());
        }
        assertTrue(o.maxAbsDiff() > 1, "42 against rates of a few mag/day: " + o.maxAbsDiff());
        String md = Files.readString(tmp.resolve("out-b/compare.md"));
        assertTrue(md.contains("changed: 5 of 72 alerts"), md);
    }

    @Test
    void base_against_itself_flags_nothing() throws IOException {
        Comparison c = compare(base, "all", "c", 0, "--fail-on", "regression,output-changed");

        assertEquals(4, c.modules().size());
        for (ComparisonModule m : c.modules()) {
            assertTrue(m.verdict() == ComparisonVerdict.UNCHANGED || m.verdict() == ComparisonVerdict.TOO_NOISY,
                    verdicts(c));
            assertEquals(OutputComparison.SAME, m.output().verdict(), m.name());
            assertEquals(0, m.output().nDiffer());
            assertNotNull(m.noiseFloor());
            int calls = m.samples().callsPerRound();
            assertTrue(calls >= 3, "at least --calls-per-round: " + calls);
            assertEquals(10 * calls, m.samples().baseCpuNs().size());
            assertEquals(10 * calls, m.samples().aaCpuNs().size());
            assertTrue(m.samples().cpuFromHost());
            assertTrue(m.baseStart().peakRssBytes() > 20 << 20, m.baseStart().toString());
            assertNull(m.error());
        }
        assertFalse(c.modules().get(0).lines().isEmpty());
    }

    private static Comparison compare(Path head, String modules, String tag, int expectedExit, String... more)
            throws IOException {
        Path out = tmp.resolve("out-" + tag);
        List<String> args = new java.util.ArrayList<>(List.of("compare", "--base", base.toString(), "--head",
                head.toString(), "--modules", modules, "--quiet", "-o", out.toString()));
        args.addAll(List.of(more));
        FinkPerfCli.Run run = FinkPerfCli.run(args);
        assertEquals(expectedExit, run.exitCode(), run.stderr());
        return ComparisonJson.read(out.resolve("compare.json"));
    }

    private static String verdicts(Comparison c) {
        return c.modules().stream().map(m -> m.name() + "=" + m.verdict().label()
                + (m.time() == null ? "" : " " + m.time() + " noise " + m.noiseFloor())).toList().toString();
    }

    static void edit(Path file, String from, String to) throws IOException {
        String s = Files.readString(file);
        assertTrue(s.contains(from), file + " lacks: " + from);
        Files.writeString(file, s.replace(from, to));
    }

    private static Path copy(String name) throws IOException {
        return copy(tmp, name);
    }

    /** A copy of the bundled examples in {@code dir/name}. */
    static Path copy(Path dir, String name) throws IOException {
        Path dst = dir.resolve(name);
        try (Stream<Path> walk = Files.walk(EXAMPLES)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path t = dst.resolve(EXAMPLES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.toString().contains("__pycache__")) {
                    Files.copy(p, t);
                }
            }
        }
        return dst;
    }
}
