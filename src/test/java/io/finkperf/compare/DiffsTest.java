package io.finkperf.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.FunctionProfile;
import io.finkperf.results.LineChange;
import io.finkperf.results.LineProfile;
import io.finkperf.results.LineStat;
import io.finkperf.results.OutputComparison;
import io.finkperf.testing.LineTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiffsTest {

    @Nested
    class Outputs {

        static OutputComparison diff(List<Object> base, List<Object> head, double rtol) {
            return OutputDiff.compareValues(base, head, List.of("a", "b", "c", "d", "e", "f", "g"), rtol, "x", "y",
                    "float64", "float64");
        }

        @Test
        void floats_within_rtol_and_nan_against_nan_or_null_are_equal() {
            OutputComparison o = diff(Arrays.asList(1.0, Double.NaN, Double.NaN, 1e300, 0.0),
                    Arrays.asList(1.0 + 1e-12, Double.NaN, null, 1e300 * (1 + 1e-10), 0.0), 1e-9);
            assertEquals(OutputComparison.SAME, o.verdict());
            assertEquals(0, o.nDiffer());
            assertTrue(o.note().contains("within rtol"), "not bit for bit: the hashes differ");
        }

        @Test
        void counts_every_differing_alert_and_keeps_five_examples_with_their_ids() {
            List<Object> base = new ArrayList<>(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0));
            List<Object> head = new ArrayList<>(List.of(1.5, 2.0, 3.5, 4.5, 5.5, 6.5, 7.7));
            OutputComparison o = diff(base, head, 1e-9);
            assertEquals(OutputComparison.CHANGED, o.verdict());
            assertEquals(6, o.nDiffer());
            assertEquals(5, o.examples().size());
            assertEquals("a", o.examples().get(0).objectId());
            assertEquals("1.0", o.examples().get(0).base());
            assertEquals("1.5", o.examples().get(0).head());
            assertEquals(0.7, o.maxAbsDiff(), 1e-9);
            assertEquals(0.5 / 1.5, o.maxRelDiff(), 1e-9);
        }

        @Test
        void strings_ints_and_bools_compare_exactly() {
            assertFalse(OutputDiff.equal(3L, 4L, 0.5), "ints: no tolerance");
            assertTrue(OutputDiff.equal(3, 3L, 0));
            assertFalse(OutputDiff.equal("SN Ia", "SN  Ia", 1));
            assertFalse(OutputDiff.equal(true, false, 1));
            assertFalse(OutputDiff.equal(null, 0.0, 1), "a null is not a zero");
            assertTrue(OutputDiff.equal(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0));
        }
    }

    @Nested
    class Lines {

        static FunctionProfile f(String name, long total, LineStat... lines) {
            return new FunctionProfile("m.py", name, lines[0].line(), total, List.of(lines));
        }

        static LineProfile one(String name, long total, String table) {
            return new LineProfile(List.of(LineTable.function("m.py", name, total, table)));
        }

        /** f as it was: three lines at 10-12, the return the costliest. */
        static LineProfile base() {
            return one("f", 1000, """
                    10 | 1 | 100 | def f(x):
                    11 | 5 | 300 |     y = x + 1
                    12 | 5 | 600 |     return y * 2
                    """);
        }

        @Test
        void lines_are_aligned_by_text_when_their_numbers_move_and_an_edited_line_stays_one_row() {
            LineProfile base = base();
            LineProfile head = one("f", 2000, """
                    20 | 1 |  100 | def f(x):
                    21 | 0 |    0 |     # a new comment
                    22 | 5 | 1500 |     y = x + 1.0
                    23 | 5 |  400 |     return y * 2
                    """);
            List<LineChange> d = LineDiff.diff(base, head);
            LineChange top = d.get(0);
            assertEquals("    y = x + 1.0", top.source());
            assertEquals("    y = x + 1", top.baseSource(), "paired with its old text, not with the new comment");
            assertEquals(11, top.baseLine());
            assertEquals(22, top.headLine());
            LineChange comment = d.stream().filter(l -> l.source().contains("comment")).findFirst().orElseThrow();
            assertNull(comment.baseLine());
            assertEquals(4, d.size());
        }

        @Test
        void the_line_that_gained_most_comes_first_with_both_line_numbers() {
            LineProfile base = base();
            LineProfile head = one("f", 2000, """
                    20 | 1 |  100 | def f(x):
                    21 | 5 | 1500 |     y = x + 1.0
                    22 | 5 |  400 |     return y * 2
                    """);
            List<LineChange> d = LineDiff.diff(base, head);
            assertEquals(3, d.size());
            LineChange top = d.get(0);
            assertEquals("    y = x + 1.0", top.source());
            assertEquals("    y = x + 1", top.baseSource());
            assertEquals(11, top.baseLine());
            assertEquals(21, top.headLine());
            assertEquals(1200, top.gainedNs());
            assertEquals(0.3, top.baseShare(), 1e-9);
            assertEquals(0.75, top.headShare(), 1e-9);
            LineChange moved = d.stream().filter(l -> l.source().contains("return")).findFirst().orElseThrow();
            assertEquals(12, moved.baseLine());
            assertEquals(22, moved.headLine());
            assertNull(moved.baseSource());
        }

        @Test
        void a_line_calling_a_profiled_function_ranks_after_the_lines_of_that_function() {
            LineProfile base = new LineProfile(List.of(
                    f("entry", 1000, new LineStat(1, 1, 1000, "    out = [inner(x) for x in xs]")),
                    f("inner", 900, new LineStat(10, 5, 900, "    return x ** 2"))));
            LineProfile head = new LineProfile(List.of(
                    f("entry", 1600, new LineStat(1, 1, 1600, "    out = [inner(x) for x in xs]")),
                    f("inner", 1500, new LineStat(10, 5, 1500, "    return x ** 2.0"))));
            List<LineChange> d = LineDiff.diff(base, head);
            assertEquals("    return x ** 2.0", d.get(0).source(), "the change itself, not the call that contains it");
            assertTrue(d.get(1).nested());
            assertTrue(LineDiff.callsFunction("y = mod.inner (x)", "inner"));
            assertFalse(LineDiff.callsFunction("y = winner(x)", "inner"));
        }

        @Test
        void functions_only_on_one_side_keep_their_lines_one_sided() {
            LineProfile base = new LineProfile(List.of(f("f", 100, new LineStat(1, 1, 100, "def f():"))));
            LineProfile head = new LineProfile(List.of(f("f", 100, new LineStat(1, 1, 100, "def f():")),
                    f("g", 50, new LineStat(5, 2, 50, "def g():"))));
            LineChange g = LineDiff.diff(base, head).get(0);
            assertEquals("g", g.function());
            assertNull(g.baseLine());
            assertEquals(5, g.headLine());
        }
    }

    @Nested
    class Gate {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', nullValues = "-", value = {
            "regression                     | true  |    - | false",
            "regression:10%, output-changed | true  | 10.0 | true",
            "none                           | false |    - | false"})  // ComparisonFailOn.NONE
        void parses_the_words_of_fail_on(String words, boolean regression, Double pct, boolean outputChanged) {
            assertEquals(new ComparisonFailOn(regression, pct, outputChanged), ComparisonFailOn.parse(words));
        }

        @Test
        void misspelt_words_are_named_and_a_bad_percentage_refused() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComparisonFailOn.parse("regresion"));
            assertTrue(e.getMessage().contains("'regresion'"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> ComparisonFailOn.parse("regression:fast"));
        }
    }

    @Nested
    class Orders {

        @Test
        void every_process_takes_every_place_equally_often_over_six_rounds() {
            int[][] places = new int[3][3];
            int baseFirst = 0;
            for (int r = 0; r < 6; r++) {
                List<Integer> o = ModuleDuel.order(r, 0, 1, 2);
                for (int place = 0; place < 3; place++) {
                    places[o.get(place)][place]++;
                }
                baseFirst += o.indexOf(0) < o.indexOf(1) ? 1 : 0;
            }
            for (int[] p : places) {
                assertEquals(List.of(2, 2, 2), Arrays.stream(p).boxed().toList());
            }
            assertEquals(3, baseFirst);
        }
    }
}
