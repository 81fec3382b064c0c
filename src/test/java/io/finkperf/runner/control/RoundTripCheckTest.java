package io.finkperf.runner.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

    private static List<PacedCall> nCopies(int n, PacedCall call) {
        return new ArrayList<>(java.util.Collections.nCopies(n, call));
    }

    private static List<Long> samples(int loops, long ns) {
        return new ArrayList<>(java.util.Collections.nCopies(loops, ns));
    }

    @Nested
    class Agreeing {

        @Test
        void honestCallsWithinTheRequestCostAgree() {
            assertEquals(Optional.empty(), RoundTripCheck.disagreement(samples(5, 2 * 10_000_000L),
                    calls(5, 2, 10_000_000L, 10_400_000L, 250_000L), 2));
        }

        @Test
        void onePreemptedPingBetweenCallsDoesNotFlagAnHonestModule() {
            List<PacedCall> calls = calls(5, 1, 1_000_000L, 1_200_000L, 200_000L);
            calls.set(2, new PacedCall(1_000_000L, 1_200_000L, 60_000_000L, 1, 1, 0));
            assertEquals(Optional.empty(), RoundTripCheck.disagreement(samples(5, 1_000_000L), calls, 1));
        }

        @Test
        void roundTripsStretchedByALoadedMachineDoNotFlagAQuickHonestModule() {
            // seen in CI beside other builds: 0.47 ms reported, 2.24 ms of round trip, every loop
            List<PacedCall> calls = calls(5, 1, 470_000L, 2_244_000L, 300_000L);
            List<Long> samples = samples(5, 470_000L);
            assertEquals(Optional.empty(), RoundTripCheck.disagreement(samples, calls, 1));
            assertEquals(List.of("jvm", "jvm", "jvm", "jvm", "jvm"),
                    RoundTripCheck.published(samples, PacedLoop.group(calls, 1), PINGS).from(),
                    "published as the JVM saw it");
        }

        @Test
        void theDriversOwnCpuAroundEachCallIsAllowed() {
            // measured on 2 cores shared by three builds: 0.61 ms reported, 1.86 ms of main-thread CPU
            List<PacedCall> calls = nCopies(5, new PacedCall(610_000L, 2_400_000L, 300_000L, 1_860_000L, 1, 0));
            assertEquals(Optional.empty(), RoundTripCheck.disagreement(samples(5, 610_000L), calls, 1));
        }

        @Test
        void aModuleThatWaitsWithoutReportingItIsPublishedAsTheJvmSawIt() {
            List<PacedCall> calls = nCopies(3, new PacedCall(500_000L, 50_600_000L, 210_000L, 700_000L, 1, 0));
            List<Long> samples = samples(3, 500_000L);
            assertEquals(Optional.empty(), RoundTripCheck.disagreement(samples, calls, 1), "no CPU gives it away");
            RoundTripCheck.Published p = RoundTripCheck.published(samples, PacedLoop.group(calls, 1), PINGS);
            assertEquals(List.of(50_390_000L, 50_390_000L, 50_390_000L), p.samplesNs(), "round trip less the median ping");
            assertEquals(List.of("jvm", "jvm", "jvm"), p.from());
        }

        @Test
        void anUnreadableCpuTimeIsNoEvidence() {
            List<PacedCall> calls = nCopies(5, new PacedCall(5_000_000L, 12_000_000L, 250_000L, -1, -1, -1));
            assertEquals(Optional.empty(), RoundTripCheck.disagreement(samples(5, 5_000_000L), calls, 1));
        }

        @Test
        void onePreemptedLoopDoesNotFlagAnHonestModule() {
            List<PacedCall> calls = calls(5, 1, 10_000_000L, 10_300_000L, 250_000L);
            calls.set(2, new PacedCall(10_000_000L, 60_000_000L, 250_000L, 1, 1, 0));
            assertEquals(Optional.empty(), RoundTripCheck.disagreement(samples(5, 10_000_000L), calls, 1));
        }
    }

    /** A run that {@link RoundTripCheck#disagreement} refuses, and the words its reason must hold. */
    record Lie(String what, List<Long> samples, List<PacedCall> calls, int chunks, String why) {
        @Override
        public String toString() {
            return what;
        }
    }

    static List<Lie> lies() {
        List<PacedCall> hiddenInAFew = calls(5, 1, 1_000_000L, 1_200_000L, 200_000L);
        hiddenInAFew.set(1, new PacedCall(1_000_000L, 1_200_000L, 70_000_000L, 1, 1, 0));
        hiddenInAFew.set(3, new PacedCall(1_000_000L, 1_200_000L, 70_000_000L, 1, 1, 0));
        return List.of(
                new Lie("a hundredth of the CPU its main thread ran", samples(5, 500_000L),
                        nCopies(5, new PacedCall(500_000L, 50_000_000L, 250_000L, 50_000_000L, 5, 0)), 1,
                        "reports 0.500 ms per loop but its main thread ran 50.000 ms"),
                // within what load could add to the round trips, but not to the CPU time
                new Lie("less than its main thread ran, beyond the allowance", samples(5, 5_000_000L),
                        nCopies(5, new PacedCall(5_000_000L, 14_000_000L, 250_000L, 13_000_000L, 1, 0)), 1,
                        "5.000 ms per loop but its main thread ran 13.000 ms"),
                new Lie("the call's own CPU time counts when the supervisor read it", samples(5, 500_000L),
                        nCopies(5, new PacedCall(500_000L, 20_500_000L, 300_000L, 20_300_000L, 2, 0, 20_000_000L)), 1,
                        "ran 20.000 ms"),
                new Lie("a call longer than the round trip that held it", samples(3, 9_000_000L),
                        calls(3, 1, 9_000_000L, 8_000_000L, 250_000L), 1, "more than the round trip"),
                new Lie("samples that are not the sum of the answered calls", samples(2, 1_000L),
                        calls(2, 2, 1_000L, 1_200_000L, 250_000L), 2, "answered with 2000 ns"),
                new Lie("loops fink-perf never requested", samples(5, 1_000L),
                        calls(4, 1, 1_000L, 300_000L, 250_000L), 1, "4 module calls requested"),
                new Lie("work hidden in a few windows between calls, on average", samples(5, 1_000_000L),
                        hiddenInAFew, 1, "mean 28.120 ms"),
                new Lie("work hidden between every two calls", samples(5, 1_000_000L),
                        calls(5, 1, 1_000_000L, 1_200_000L, 40_000_000L), 1, "empty request between two calls"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lies")
    void isNotTrusted(Lie lie) {
        Optional<String> why = RoundTripCheck.disagreement(lie.samples(), lie.calls(), lie.chunks());
        assertTrue(why.orElseThrow(() -> new AssertionError(lie + ": trusted")).contains(lie.why()), why::get);
    }

    @Test
    void aLoopThatDisagreesIsPublishedAsTheJvmSawItSoThatAForgedMinorityGainsNothing() {
        List<PacedCall> calls = calls(5, 1, 10_000_000L, 10_300_000L, 250_000L);
        calls.set(3, new PacedCall(1_000L, 10_300_000L, 250_000L, 1, 1, 0));
        List<Long> samples = samples(5, 10_000_000L);
        samples.set(3, 1_000L);
        assertEquals(Optional.empty(), RoundTripCheck.disagreement(samples, calls, 1), "the median holds");

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
