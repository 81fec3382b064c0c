package io.finkperf.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.finkperf.gate.Verdict.Outcome;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunResults;
import java.io.UncheckedIOException;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GateTest {

    /** 100 alerts: fast 1 s a loop (100/s), slow 8 s (12.5/s), then a failed module and a skipped one. */
    static final String RESULTS = """
            {"schema": "fink-perf/results/1", "modules": [
              {"name": "fast", "status": "OK", "nAlerts": 100, "samplesNs": [1000000000, 1000000000]},
              {"name": "slow", "status": "OK", "nAlerts": 100, "samplesNs": [8000000000]},
              {"name": "boom", "status": "ERROR", "nAlerts": 100, "samplesNs": [],
               "error": {"kind": "exception", "message": "module 'boom' raised ValueError: bad"}},
              {"name": "df", "status": "SKIPPED", "nAlerts": 100, "samplesNs": []}]}
            """;

    static Supplier<RunResults> results(String json) {
        return () -> {
            try {
                return ResultsJson.mapper().readValue(json, RunResults.class);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
    }

    static final Supplier<RunResults> NO_FILE = () -> null;

    static final Supplier<RunResults> MUST_NOT_READ = () -> {
        throw new UncheckedIOException(new java.io.IOException("the gate read results it did not need"));
    };

    static Verdict judge(String failOn, OptionalInt profileExit, Supplier<RunResults> results) {
        return Gate.judge(FailOn.parse(failOn), profileExit, results);
    }

    @Nested
    class AsTheActionCallsIt {

        @Test
        void neverPassesWhateverHappened() {
            assertEquals(Verdict.pass("fail-on never (profile exit code 5)"), judge("never", OptionalInt.of(5), MUST_NOT_READ));
            assertEquals("fail-on never (profile exit code none)", judge("never", OptionalInt.empty(), MUST_NOT_READ).message());
        }

        @ParameterizedTest
        @ValueSource(strings = {"error", "min-throughput:5"})
        void aProfileThatDidNotRunFails(String failOn) {
            Verdict v = judge(failOn, OptionalInt.empty(), MUST_NOT_READ);
            assertEquals(Outcome.NOT_RUN, v.outcome());
            assertEquals("profiling did not run", v.message());
        }

        @ParameterizedTest
        @ValueSource(strings = {"error", "min-throughput:5"})
        void aFailedProfileFailsWithItsOwnCode(String failOn) {
            Verdict v = judge(failOn, OptionalInt.of(6), MUST_NOT_READ);
            assertEquals(Outcome.PROFILE_FAILED, v.outcome());
            assertEquals(6, v.profileExit());
            assertEquals("fink-perf profile failed with exit code 6", v.message());
        }

        @Test
        void errorPassesASuccessfulProfileWithoutReadingResults() {
            assertEquals(Outcome.PASS, judge("error", OptionalInt.of(0), MUST_NOT_READ).outcome());
        }

        @Test
        void minThroughputNamesEveryOkModuleBelowItWithItsMean() {
            Verdict v = judge("min-throughput:50", OptionalInt.of(0), results(RESULTS));
            assertEquals(Outcome.TOO_SLOW, v.outcome());
            assertEquals("below min-throughput 50 alerts/s/core: slow (12.5)", v.message());
            assertEquals("below min-throughput 150.5 alerts/s/core: fast (100), slow (12.5)",
                    judge("min-throughput:150.5", OptionalInt.of(0), results(RESULTS)).message());
        }

        @Test
        void minThroughputPassesAtTheLimit() {
            Verdict v = judge("min-throughput:12.5", OptionalInt.of(0), results(RESULTS));
            assertEquals(Verdict.pass("every module is at or above 12.5 alerts/s/core"), v);
        }

        @Test
        void minThroughputWithoutResultsIsNothingToJudge() {
            assertEquals(Outcome.NOT_RUN, judge("min-throughput:1", OptionalInt.of(0), NO_FILE).outcome());
        }
    }

    @Nested
    class OnAResultsFileAlone {

        @Test
        void theFirstFailedModuleFailsTheGate() {
            Verdict v = judge("error", null, results(RESULTS));
            assertEquals(Outcome.MODULE_FAILED, v.outcome());
            assertEquals("boom", v.failed().name());
            assertEquals("module 'boom' failed: error (module 'boom' raised ValueError: bad)", v.message());
        }

        @ParameterizedTest
        @ValueSource(strings = {"OK", "NEEDS_NETWORK"})
        void skippedAndOfflineModulesAreNotFailures(String boomStatus) {
            String notFailed = RESULTS.replace("\"status\": \"ERROR\"", "\"status\": \"" + boomStatus + "\"");
            assertEquals(Outcome.TOO_SLOW, judge("min-throughput:20", null, results(notFailed)).outcome());
            assertEquals(Outcome.PASS, judge("error", null, results(notFailed)).outcome());
        }

        @Test
        void noFileIsNothingToJudge() {
            assertEquals(Outcome.NOT_RUN, judge("error", null, NO_FILE).outcome());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "errors", "min-throughput:", "min-throughput:-1", "min-throughput:1e3", "min-throughput:abc"})
    void anythingElseIsRejectedNamingIt(String failOn) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FailOn.parse(failOn));
        assertEquals("--fail-on '" + failOn + "' is not error, never or min-throughput:N", e.getMessage());
    }

    @Test
    void meansAreRoundedToOneDecimalWithoutATrailingZero() {
        assertEquals("12.3", Gate.oneDecimal(12.34));
        assertEquals("12", Gate.oneDecimal(12.04));
        assertEquals("0.1", Gate.oneDecimal(0.05));
    }
}
