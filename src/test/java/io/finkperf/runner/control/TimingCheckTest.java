package io.finkperf.runner.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimingCheckTest {

    static final List<Long> PINGS = List.of(30_000L, 25_000L, 40_000L, 28_000L, 35_000L);

    /** One call a loop: the driver's own time for each, and the time fink-perf observed around it. */
    static List<ObservedLoop> oneCallEach(List<Long> samples, long... observedNs) {
        return IntStream.range(0, samples.size()).mapToObj(i -> new ObservedLoop(1, samples.get(i), observedNs[i])).toList();
    }

    @Nested
    class Agreement {

        static Stream<Arguments> honestRuns() {
            return Stream.of(
                    arguments("loops within the event cost", List.of(50_000_000L, 51_000_000L, 49_000_000L),
                            new long[] {50_080_000L, 51_060_000L, 49_070_000L}),
                    arguments("one preempted loop", List.of(5_000_000L, 5_000_000L, 5_000_000L),
                            new long[] {5_050_000L, 45_000_000L, 5_040_000L}));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("honestRuns")
        void anHonestModuleAgrees(String run, List<Long> samples, long[] observedNs) {
            assertEquals(Optional.empty(), TimingCheck.disagreement(samples, samples, oneCallEach(samples, observedNs), PINGS));
        }
    }

    @Nested
    class Disagreement {
        @Test
        void aResultFileThatIsNotTheChannelsIsFlagged() {
            List<Long> announced = List.of(9_000_000L, 9_100_000L);
            Optional<String> why = TimingCheck.disagreement(List.of(1L, 1L), announced,
                    oneCallEach(announced, 9_010_000L, 9_110_000L), PINGS);
            assertTrue(why.orElseThrow().contains("not those announced"), why::get);
        }

        @Test
        void aClockRunningSlowIsFlaggedWithBothTimes() {
            // the driver says 0.5 ms, the kernel's stamps say 50 ms
            List<Long> samples = List.of(500_000L, 500_000L, 500_000L);
            List<ObservedLoop> loops = oneCallEach(samples, 50_000_000L, 50_100_000L, 49_900_000L);
            String why = TimingCheck.disagreement(samples, samples, loops, PINGS).orElseThrow();
            assertTrue(why.contains("reports 0.500 ms per loop but fink-perf observed 50.000 ms"), why);
        }

        @Test
        void aLoopWhoseCallsDoNotAddUpIsFlagged() {
            String why = TimingCheck.disagreement(List.of(10L), List.of(10L), List.of(new ObservedLoop(2, 7L, 9L)), PINGS)
                    .orElseThrow();
            assertTrue(why.contains("module calls sum to 7 ns"), why);
        }

        @Test
        void loopsWithoutAnyTimedCallAreFlagged() {
            String why = TimingCheck.disagreement(List.of(10L), List.of(10L), List.of(), PINGS).orElseThrow();
            assertTrue(why.contains("1 loops announced but 0 timed"), why);
        }

        @Test
        void moreLoopsAnnouncedThanTimedIsFlagged() {
            String why = TimingCheck.disagreement(List.of(10L, 10L), List.of(10L, 10L), List.of(new ObservedLoop(1, 10L, 10L)),
                    PINGS).orElseThrow();
            assertTrue(why.contains("2 loops announced but 1 timed"), why);
        }
    }

    @Test
    void reportedCpuCannotExceedTheKernelsCount() {
        assertEquals(Optional.empty(), TimingCheck.cpuDisagreement(0.50, 0.80));
        assertEquals(Optional.empty(), TimingCheck.cpuDisagreement(0.805, 0.80));
        String why = TimingCheck.cpuDisagreement(5.0, 0.8).orElseThrow();
        assertEquals("the module reports 5.000 s of CPU time but the kernel counted 0.800 s for its whole process", why);
    }

    @Test
    void eventCostIsTheNinetiethPercentileOfThePingsWithAFloor() {
        assertEquals(40_000L, TimingCheck.ipcNs(PINGS));
        assertEquals(TimingCheck.MIN_IPC_NS, TimingCheck.ipcNs(List.of(1L, 2L)));
    }
}
