package io.finkperf.runner.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.ObservedTiming;
import io.finkperf.results.ScaleMeasurementTiming;
import io.finkperf.results.TimedCalls;
import io.finkperf.runner.control.ScaleRoundTrips.Measurement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScaleRoundTripsTest {

    private static final List<Long> PINGS = List.of(200_000L, 210_000L, 190_000L, 250_000L, 300_000L);

    /** {@code n} calls of {@code wallNs} wall and {@code cpuNs} CPU, as the driver listed them. */
    private static Measurement measured(String name, int n, long wallNs, long cpuNs) {
        return new Measurement(name, new TimedCalls(Collections.nCopies(n, wallNs), Collections.nCopies(n, cpuNs)));
    }

    /** What the JVM saw of those calls: each answered with {@code wallNs} after {@code rttNs}, {@code seenCpuNs} of CPU. */
    private static List<PacedCall> seen(int n, long wallNs, long rttNs, long seenCpuNs) {
        List<PacedCall> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new PacedCall(wallNs, rttNs, 250_000L, seenCpuNs, 1, 0, seenCpuNs));
        }
        return out;
    }

    /** cold (1 call), warm (5), N=1 (8), N=100 (4): an honest module, 5 ms + 20 µs per alert, 0.3 ms of relay. */
    private static List<Measurement> honest() {
        return List.of(measured("cold", 1, 9_000_000L, 8_900_000L), measured("warm", 5, 5_000_000L, 4_990_000L),
                measured("N=1", 8, 5_020_000L, 5_010_000L), measured("N=100", 4, 7_000_000L, 6_990_000L));
    }

    private static List<PacedCall> honestCalls() {
        List<PacedCall> calls = new ArrayList<>(seen(1, 9_000_000L, 9_300_000L, 8_950_000L));
        calls.addAll(seen(5, 5_000_000L, 5_300_000L, 5_050_000L));
        calls.addAll(seen(8, 5_020_000L, 5_320_000L, 5_070_000L));
        calls.addAll(seen(4, 7_000_000L, 7_300_000L, 7_050_000L));
        return calls;
    }

    @Test
    void anHonestRunAgreesAndItsOwnFiguresArePublished() {
        assertEquals(Optional.empty(), ScaleRoundTrips.disagreement(honest(), honestCalls(), PINGS));
        ScaleRoundTrips.Published p = ScaleRoundTrips.published(honest(), honestCalls(), PINGS);
        assertEquals(honest(), p.measurements());
        assertEquals(ObservedTiming.JVM_ROUND_TRIP, p.timing().timedBy());
        assertTrue(p.timing().cpuVisible());
        assertEquals(0, p.timing().fromJvm());
        ScaleMeasurementTiming n1 = p.timing().measurements().get(2);
        assertEquals("N=1", n1.name());
        assertEquals(Collections.nCopies(8, 5_320_000L), n1.roundTripNs());
        assertEquals(Collections.nCopies(8, 5_070_000L), n1.cpuNs());
    }

    @Nested
    class Flagged {

        @Test
        void callsThatFinkPerfNeverRequestedAreFlagged() {
            Optional<String> why = ScaleRoundTrips.disagreement(honest(), honestCalls().subList(0, 17), PINGS);
            assertTrue(why.orElseThrow().contains("lists 18 module calls but 17 were requested"), why::get);
        }

        @Test
        void aListedFigureThatIsNotTheAnswerIsFlagged() {
            List<Measurement> m = new ArrayList<>(honest());
            m.set(1, new Measurement("warm", new TimedCalls(List.of(5_000_000L, 5_000_000L, 1_000L, 5_000_000L, 5_000_000L),
                    Collections.nCopies(5, 4_990_000L))));
            Optional<String> why = ScaleRoundTrips.disagreement(m, honestCalls(), PINGS);
            assertEquals("call 4 (warm) is listed as 1000 ns but was answered with 5000000 ns", why.orElseThrow());
        }

        @Test
        void slowedClocksAreFlaggedByTheCpuTimeOfTheMainThread() {
            // 20 ms calls reported as 0.2 ms, wall and CPU
            List<Measurement> m = List.of(measured("cold", 1, 200_000L, 200_000L), measured("warm", 5, 200_000L, 200_000L),
                    measured("N=1", 8, 200_000L, 200_000L));
            List<PacedCall> calls = seen(14, 200_000L, 20_300_000L, 20_000_000L);
            Optional<String> why = ScaleRoundTrips.disagreement(m, calls, PINGS);
            assertTrue(why.orElseThrow().contains("reports 0.200 ms per loop but its main thread ran 20.000 ms"), why::get);
        }

        @Test
        void aSlowedCpuClockIsFlaggedByTheSupervisorsReading() {
            // wall honest (20 ms), CPU reported 100 times lower than the supervisor read over each call
            List<Measurement> m = List.of(measured("cold", 1, 20_000_000L, 200_000L), measured("warm", 5, 20_000_000L, 200_000L),
                    measured("N=1", 8, 20_000_000L, 200_000L));
            List<PacedCall> calls = seen(14, 20_000_000L, 20_300_000L, 20_000_000L);
            Optional<String> why = ScaleRoundTrips.disagreement(m, calls, PINGS);
            assertTrue(why.orElseThrow().contains("reports 0.200 ms of CPU time per call but its process spent"
                    + " 20.000 ms in its calls (median of 14 calls"), why::get);
        }
    }

    @Test
    void cpuTimeFromOtherThreadsIsNotADisagreement() {
        // the driver's process-wide CPU figure counts the module's threads; the supervisor reads the main thread only
        List<Measurement> m = List.of(measured("cold", 1, 10_000_000L, 30_000_000L), measured("warm", 5, 10_000_000L, 30_000_000L));
        List<PacedCall> calls = seen(6, 10_000_000L, 10_300_000L, 10_000_000L);
        assertEquals(Optional.empty(), ScaleRoundTrips.disagreement(m, calls, PINGS));
    }

    @Test
    void aForgedMinorityOfCallsIsPublishedAsTheJvmSawIt() {
        List<Measurement> m = new ArrayList<>(honest());
        m.set(3, measured("N=100", 4, 70_000L, 69_900L)); // 7 ms calls claimed 100 times cheaper
        List<PacedCall> calls = new ArrayList<>(honestCalls());
        for (int i = 14; i < 18; i++) {
            calls.set(i, new PacedCall(70_000L, 7_300_000L, 250_000L, 7_050_000L, 1, 0, 7_050_000L));
        }
        assertEquals(Optional.empty(), ScaleRoundTrips.disagreement(m, calls, PINGS), "the medians hold");

        ScaleRoundTrips.Published p = ScaleRoundTrips.published(m, calls, PINGS);
        TimedCalls n100 = p.measurements().get(3).calls();
        assertEquals(Collections.nCopies(4, 7_090_000L), n100.wallNs(), "7.3 ms of round trip less the median ping (210 µs)");
        assertEquals(Collections.nCopies(4, 7_050_000L), n100.cpuNs(), "the supervisor's reading");
        ScaleMeasurementTiming t = p.timing().measurements().get(3);
        assertEquals(List.of(4, 4), List.of(t.wallFromJvm(), t.cpuFromJvm()));
        assertEquals(8, p.timing().fromJvm());
        assertEquals(18, p.timing().calls());
        assertEquals(honest().subList(0, 3), p.measurements().subList(0, 3));
    }

    @Test
    void manyCheapCallsOfAMeasurementDoNotAddUpToAFlag() {
        // 30 calls of 20 µs, each 190 µs longer by the JVM's clock, one of them preempted for 12 ms: held call by call,
        // the preempted one alone disagrees; summed over the measurement, it would flag the whole run
        List<Measurement> m = List.of(measured("cold", 1, 20_000L, 20_000L), measured("warm", 30, 20_000L, 20_000L));
        List<PacedCall> calls = new ArrayList<>(seen(31, 20_000L, 210_000L, 40_000L));
        calls.set(5, new PacedCall(20_000L, 12_000_000L, 250_000L, 40_000L, 1, 0, 40_000L)); // one preempted call
        assertEquals(Optional.empty(), ScaleRoundTrips.disagreement(m, calls, PINGS));
        ScaleRoundTrips.Published p = ScaleRoundTrips.published(m, calls, PINGS);
        assertEquals(11_790_000L, p.measurements().get(1).calls().wallNs().get(4), "the preempted call as the JVM saw it");
        assertEquals(1, p.timing().fromJvm());
    }

    @Test
    void withoutTheSupervisorsCpuReadingTheDriversCpuFiguresStandUnchecked() {
        List<PacedCall> calls = honestCalls().stream()
                .map(c -> new PacedCall(c.driverNs(), c.roundTripNs(), c.pingNs(), -1, -1, -1, -1)).toList();
        ScaleRoundTrips.Published p = ScaleRoundTrips.published(honest(), calls, PINGS);
        assertFalse(p.timing().cpuVisible());
        assertEquals(honest(), p.measurements());
    }
}
