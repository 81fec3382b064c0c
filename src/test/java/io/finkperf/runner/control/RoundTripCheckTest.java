package io.finkperf.runner.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RoundTripCheckTest {

    private static final List<Long> PINGS = List.of(200_000L, 210_000L, 190_000L, 250_000L, 300_000L);

    /** {@code loops} loops of {@code chunks} calls, each answered {@code driverNs} after a round trip of {@code rttNs}. */
    private static List<PacedCall> calls(int loops, int chunks, long driverNs, long rttNs, long pingNs) {
        List<PacedCall> out = new ArrayList<>();
        for (int i = 0; i < loops * chunks; i++) {
            out.add(new PacedCall(driverNs, rttNs, pingNs, driverNs, 1, 0));
        }
        return out;
    }

    private static List<Long> samples(int loops, long ns) {
        return new ArrayList<>(java.util.Collections.nCopies(loops, ns));
    }

    @Nested
    class Agreeing {

        @Test
        void honestCallsWithinTheRequestCostAgree() {
            assertEquals(Optional.empty(), RoundTripCheck.disagreement(samples(5, 2 * 10_000_000L),
                    calls(5, 2, 10_000_000L, 10_400_000L, 250_000L), 2, PINGS));
        }

        @Test
        void onePreemptedPingBetweenCallsDoesNotFlagAnHonestModule() {
            List<PacedCall> calls = calls(5, 1, 1_000_000L, 1_200_000L, 200_000L);
            calls.set(2, new PacedCall(1_000_000L, 1_200_000L, 60_000_000L, 1, 1, 0));
            assertEquals(Optional.empty(), RoundTripCheck.disagreement(samples(5, 1_000_000L), calls, 1, PINGS));
        }

        @Test
        void onePreemptedLoopDoesNotFlagAnHonestModule() {
            List<PacedCall> calls = calls(5, 1, 10_000_000L, 10_300_000L, 250_000L);
            calls.set(2, new PacedCall(10_000_000L, 60_000_000L, 250_000L, 1, 1, 0));
            assertEquals(Optional.empty(), RoundTripCheck.disagreement(samples(5, 10_000_000L), calls, 1, PINGS));
        }
    }

    @Nested
    class Flagged {

        @Test
        void aModuleReportingAHundredthOfWhatTheJvmWaitedIsFlaggedWithBothFigures() {
            Optional<String> why = RoundTripCheck.disagreement(samples(5, 500_000L),
                    calls(5, 1, 500_000L, 50_000_000L, 250_000L), 1, PINGS);
            assertTrue(why.orElseThrow().contains("0.500 ms per loop") && why.get().contains("50.000 ms"), why::get);
        }

        @Test
        void aCallLongerThanTheRoundTripThatHeldItIsImpossible() {
            Optional<String> why = RoundTripCheck.disagreement(samples(3, 9_000_000L),
                    calls(3, 1, 9_000_000L, 8_000_000L, 250_000L), 1, PINGS);
            assertTrue(why.orElseThrow().contains("more than the round trip"), why::get);
        }

        @Test
        void samplesThatAreNotTheSumOfTheAnsweredCallsAreFlagged() {
            Optional<String> why = RoundTripCheck.disagreement(samples(2, 1_000L),
                    calls(2, 2, 1_000L, 1_200_000L, 250_000L), 2, PINGS);
            assertTrue(why.orElseThrow().contains("answered with 2000 ns"), why::get);
        }

        @Test
        void loopsThatFinkPerfNeverRequestedAreFlagged() {
            Optional<String> why = RoundTripCheck.disagreement(samples(5, 1_000L), calls(4, 1, 1_000L, 300_000L, 250_000L),
                    1, PINGS);
            assertTrue(why.orElseThrow().contains("4 module calls requested"), why::get);
        }

        @Test
        void workHiddenInAFewWindowsBetweenCallsCountsOnAverage() {
            List<PacedCall> calls = calls(5, 1, 1_000_000L, 1_200_000L, 200_000L);
            calls.set(1, new PacedCall(1_000_000L, 1_200_000L, 70_000_000L, 1, 1, 0));
            calls.set(3, new PacedCall(1_000_000L, 1_200_000L, 70_000_000L, 1, 1, 0));
            Optional<String> why = RoundTripCheck.disagreement(samples(5, 1_000_000L), calls, 1, PINGS);
            assertTrue(why.orElseThrow().contains("mean 28.120 ms"), why::get);
        }

        @Test
        void workHiddenBetweenCallsIsBounded() {
            Optional<String> why = RoundTripCheck.disagreement(samples(5, 1_000_000L),
                    calls(5, 1, 1_000_000L, 1_200_000L, 40_000_000L), 1, PINGS);
            assertTrue(why.orElseThrow().contains("empty request between two calls"), why::get);
        }
    }

    @Test
    void aLoopThatDisagreesIsPublishedAsTheJvmSawItSoThatAForgedMinorityGainsNothing() {
        List<PacedCall> calls = calls(5, 1, 10_000_000L, 10_300_000L, 250_000L);
        calls.set(3, new PacedCall(1_000L, 10_300_000L, 250_000L, 1, 1, 0));
        List<Long> samples = samples(5, 10_000_000L);
        samples.set(3, 1_000L);
        assertEquals(Optional.empty(), RoundTripCheck.disagreement(samples, calls, 1, PINGS), "the median holds");

        RoundTripCheck.Published p = RoundTripCheck.published(samples, PacedLoop.group(calls, 1), PINGS);
        assertEquals(List.of(10_000_000L, 10_000_000L, 10_000_000L, 10_090_000L, 10_000_000L), p.samplesNs(),
                "10.3 ms of round trip less the median ping (210 µs)");
        assertEquals(List.of("driver", "driver", "driver", "jvm", "driver"), p.from());
    }

    @Test
    void slowPingsCannotWidenTheAllowanceBeyondTheCap() {
        assertEquals(RoundTripCheck.MAX_IPC_NS, RoundTripCheck.ipcNs(List.of(90_000_000L, 80_000_000L)));
        assertEquals(RoundTripCheck.MIN_IPC_NS, RoundTripCheck.ipcNs(List.of(1_000L)));
        assertEquals(300_000L, RoundTripCheck.ipcNs(PINGS));
    }
}
