package io.finkperf.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.ComparisonVerdict;
import io.finkperf.results.RatioEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JudgeTest {

    static final int ROUNDS = 10;
    static final int CALLS = 3;

    /** Calls of ~10 ms with log-normal noise of {@code sigma}, scaled by {@code factor}. */
    static List<Long> calls(Random rnd, double factor, double sigma) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < ROUNDS * CALLS; i++) {
            out.add(Math.round(10_000_000 * factor * Math.exp(sigma * rnd.nextGaussian())));
        }
        return out;
    }

    static ComparisonVerdict judge(long seed, double factor, double sigma) {
        Random rnd = new Random(seed);
        List<Long> base = calls(rnd, 1.0, sigma);
        List<Long> head = calls(rnd, factor, sigma);
        List<Long> aa = calls(rnd, 1.0, sigma);
        Judge j = Judge.DEFAULT;
        return j.verdict(j.pairedAgainstBoth(base, aa, head, CALLS), j.paired(base, aa, CALLS));
    }

    @Nested
    class Verdicts {

        @Test
        void ten_percent_slower_under_two_percent_noise_is_flagged_at_the_defaults() {
            int flagged = 0;
            for (long seed = 0; seed < 200; seed++) {
                if (judge(seed, 1.10, 0.02) == ComparisonVerdict.SLOWER) {
                    flagged++;
                }
            }
            assertTrue(flagged >= 195, "flagged " + flagged + " of 200");
        }

        @Test
        void identical_distributions_are_never_flagged_over_200_seeded_trials() {
            for (long seed = 0; seed < 200; seed++) {
                ComparisonVerdict v = judge(1000 + seed, 1.0, 0.02);
                assertTrue(v == ComparisonVerdict.UNCHANGED, "seed " + seed + ": " + v);
            }
        }

        @Test
        void ten_percent_faster_is_flagged_faster() {
            assertEquals(ComparisonVerdict.FASTER, judge(7, 1 / 1.10, 0.02));
        }

        @Test
        void a_three_percent_change_stays_under_the_five_percent_threshold() {
            for (long seed = 0; seed < 50; seed++) {
                assertEquals(ComparisonVerdict.UNCHANGED, judge(seed, 1.03, 0.005));
            }
        }

        @Test
        void a_noise_floor_above_the_threshold_is_too_noisy_even_for_a_large_change() {
            assertEquals(ComparisonVerdict.TOO_NOISY, judge(3, 1.5, 0.30));
        }

        @Test
        void the_interval_covers_the_true_ratio() {
            Random rnd = new Random(11);
            RatioEstimate r = Judge.DEFAULT.paired(calls(rnd, 1, 0.02), calls(rnd, 1.2, 0.02), CALLS);
            assertTrue(r.low() < 1.2 && 1.2 < r.high(), r.toString());
            assertEquals(1.2, r.ratio(), 0.02);
            assertEquals(ROUNDS, r.n());
        }

        @Test
        void against_both_base_processes_an_offset_of_one_moves_the_ratio_half_as_much() {
            Random rnd = new Random(3);
            List<Long> base = calls(rnd, 1.06, 0.002); // this base process happens to run 6 % slow
            List<Long> base2 = calls(rnd, 1.0, 0.002);
            List<Long> head = calls(rnd, 1.0, 0.002);
            assertEquals(1 / 1.06, Judge.DEFAULT.paired(base, head, CALLS).ratio(), 0.003);
            assertEquals(1 / Math.sqrt(1.06), Judge.DEFAULT.pairedAgainstBoth(base, base2, head, CALLS).ratio(), 0.003);
            assertEquals(ComparisonVerdict.TOO_NOISY, Judge.DEFAULT.verdict(
                    Judge.DEFAULT.pairedAgainstBoth(base, base2, head, CALLS), Judge.DEFAULT.paired(base, base2, CALLS)),
                    "the A/A pass shows the offset in full");
        }

        @Test
        void unpaired_samples_give_the_mann_whitney_estimate() {
            Random rnd = new Random(5);
            RatioEstimate r = Judge.DEFAULT.unpaired(calls(rnd, 1, 0.01), calls(rnd, 1.3, 0.01));
            assertEquals(1.3, r.ratio(), 0.02);
            assertTrue(r.pValue() < 1e-6, r.toString());
            assertTrue(r.method().contains("Mann-Whitney"));
        }
    }

    @Nested
    class ExactDistributions {

        @Test
        void signed_rank_critical_value_matches_the_table_for_n_10() {
            // tables: two-sided 5 %, n = 10 rejects for T <= 8 (P(T <= 8) = 0.0244)
            assertEquals(9, RankStats.signedRankCritical(10, 0.025));
            assertEquals(-1, RankStats.signedRankCritical(5, 0.025)); // 2/32 > 0.05: no interval narrower than the range
        }

        @Test
        void all_positive_differences_give_the_smallest_exact_p() {
            double[] d = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
            assertEquals(2.0 / 1024, RankStats.signedRankP(d), 1e-12);
        }

        @Test
        void mann_whitney_exact_p_for_complete_separation_of_five_and_five() {
            double[] x = {1, 2, 3, 4, 5};
            double[] y = {6, 7, 8, 9, 10};
            assertEquals(2.0 / 252, RankStats.mannWhitneyP(x, y), 1e-12);
            assertEquals(1.0, sum(RankStats.mannWhitneyCounts(5, 5)) / 252, 1e-12);
        }

        @Test
        void signed_rank_counts_sum_to_two_to_the_n() {
            long total = 0;
            for (long c : RankStats.signedRankCounts(12)) {
                total += c;
            }
            assertEquals(4096, total);
        }

        @Test
        void round_values_are_medians_of_consecutive_calls() {
            double[] v = Judge.roundValues(List.of(5L, 1L, 3L, 10L, 30L, 20L, 7L), 3);
            assertEquals(3, v.length);
            assertEquals(3.0, v[0]);
            assertEquals(20.0, v[1]);
            assertEquals(7.0, v[2]);
        }

        private static double sum(double[] v) {
            double s = 0;
            for (double x : v) {
                s += x;
            }
            return s;
        }
    }
}
