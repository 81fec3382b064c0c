package io.finkperf.runner.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.runner.RecordingListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PacedCallsTest {

    private final List<String> sent = new ArrayList<>();
    private final ControlLog log = new ControlLog("m", new RecordingListener());

    PacedCallsTest() {
        log.connect(sent::add);
    }

    private void driver(String event) {
        log.receive(ControlLogTest.driver(event, 1));
    }

    private void served(long cpuNs, long user, long sys) {
        log.receive("{\"event\": \"served\", \"cpu_ns\": " + cpuNs + ", \"user_ticks\": " + user + ", \"sys_ticks\": "
                + sys + ", \"hz\": 100}");
    }

    /** Answers every ping until a call is asked for; false when the last request was not a call. */
    private void answerPings() {
        while (sent.get(sent.size() - 1).contains("ping")) {
            driver("{\"event\": \"pong\"}");
        }
    }

    @Nested
    class Protocol {

        @Test
        void readyGetsPingsThenACallAndEveryAnswerTheNextPingAtOnce() throws InterruptedException {
            driver("{\"event\": \"ready\"}");
            assertEquals(List.of("{\"op\": \"ping\"}"), sent);
            answerPings();
            assertEquals(PacedCalls.PINGS + 1, sent.size());
            assertEquals("{\"op\": \"call\"}", sent.get(PacedCalls.PINGS));
            Thread.sleep(3);
            driver("{\"event\": \"called\", \"ns\": 1000}");
            served(2_000_000, 1, 0);
            assertEquals("{\"op\": \"ping\"}", sent.get(sent.size() - 1), "a ping precedes every call");
            answerPings();
            driver("{\"event\": \"called\", \"ns\": 2000}");
            served(500, 0, 0);

            List<PacedCall> calls = log.pacedCalls();
            assertEquals(2, calls.size());
            assertEquals(1000, calls.get(0).driverNs());
            assertTrue(calls.get(0).roundTripNs() >= 3_000_000, "the JVM's clock, not the driver's: " + calls.get(0));
            assertEquals(2_000_000, calls.get(0).cpuNs());
            assertEquals(1, calls.get(0).userTicks());
            assertEquals(PacedCalls.PINGS + 1, log.roundTripPings().size());
            assertEquals(List.of(), log.anomalies());
        }

        @Test
        void answersNobodyAskedForAreAnomalies() {
            driver("{\"event\": \"called\", \"ns\": 1}");
            driver("{\"event\": \"pong\"}");
            served(1, 1, 1);
            driver("{\"event\": \"ready\"}");
            driver("{\"event\": \"ready\"}");
            assertEquals(4, log.anomalies().size(), log.anomalies()::toString);
            assertEquals(List.of(), log.pacedCalls());
        }

        @Test
        void aServedReportRelayedFromTheDriverIsNotTheSupervisors() {
            driver("{\"event\": \"ready\"}");
            answerPings();
            driver("{\"event\": \"called\", \"ns\": 1}");
            driver("{\"event\": \"served\", \"cpu_ns\": 1}");
            assertEquals(List.of(), log.pacedCalls(), "a call counts once the supervisor reported its CPU");
            assertTrue(log.anomalies().get(0).contains("served"), log.anomalies()::toString);
        }
    }

    @Test
    void loopsAreGroupedByCallCountWithUnknownCpuKeptUnknown() {
        List<PacedCall> calls = List.of(new PacedCall(10, 15, 3, 7, 1, 0), new PacedCall(20, 19, 3, -1, 1, 0),
                new PacedCall(30, 40, 3, 5, 0, 1), new PacedCall(40, 45, 3, 5, 0, 1), new PacedCall(1, 1, 1, 1, 1, 1));
        List<PacedLoop> loops = PacedLoop.group(calls, 2);
        assertEquals(List.of(new PacedLoop(2, 30, 34, 1, -1, 2, 0, -1), new PacedLoop(2, 70, 85, -5, 10, 0, 2, -1)), loops);
    }
}
