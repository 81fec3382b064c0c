package io.finkperf.runner.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.runner.RecordingListener;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlLogTest {

    @Test
    void timesCallsFromTheRelayedKernelStampsAndKeepsLoops() {
        RecordingListener listener = new RecordingListener();
        ControlLog log = new ControlLog("m", listener);
        log.receive("{\"event\": \"hello\", \"format\": \"fink-perf-control/1\", \"pid\": 1}");
        log.receive(driver("{\"event\": \"call\", \"edge\": \"start\", \"ping\": true}", 1_000));
        log.receive(driver("{\"event\": \"call\", \"edge\": \"end\", \"ping\": true, \"ns\": 0}", 31_000));
        log.receive(driver("{\"event\": \"phase\", \"phase\": \"measure\"}", 40_000));
        log.receive(driver("{\"event\": \"call\", \"edge\": \"start\"}", 100_000));
        log.receive(driver("{\"event\": \"call\", \"edge\": \"end\", \"ns\": 4000000}", 4_140_000));
        log.receive(driver("{\"event\": \"loop\", \"kind\": \"measure\", \"i\": 1, \"n\": 1, \"ns\": 4000000}", 4_200_000));
        log.receive(driver("{\"event\": \"end\", \"exit\": 0}", 5_000_000));
        log.receive("{\"event\": \"exit\", \"exit\": 0, \"signal\": null, \"cpu_user_s\": 0.5, \"oom_kill\": false}");

        assertEquals(List.of(30_000L), log.pings());
        assertEquals(List.of(new ObservedLoop(1, 4_000_000L, 4_040_000L)), log.loops());
        assertEquals(List.of(4_000_000L), log.samples());
        assertEquals(0, log.driverEndExit().orElseThrow());
        assertEquals(0.5, log.supervisor().orElseThrow().cpuUserS());
        assertEquals(List.of(), log.anomalies());
        assertEquals(2, listener.events.size(), "phase and loop are shown as progress");
    }

    @Test
    void garbageAndOutOfOrderEventsAreAnomalies() {
        ControlLog log = new ControlLog("m", new RecordingListener());
        log.receive("not json");
        log.receive(driver("{\"event\": \"call\", \"edge\": \"end\", \"ns\": 1}", 5));
        log.receive(driver("{\"event\": \"garbage\", \"bytes\": 3}", 6));

        assertEquals(3, log.anomalies().size(), log.anomalies()::toString);
        assertTrue(log.anomalies().get(0).contains("unparseable"));
    }

    @Test
    void signalsAreOutOfMemoryOnlyWhenTheCgroupSaysSo() {
        ControlLog log = new ControlLog("m", new RecordingListener());
        log.receive("{\"event\": \"exit\", \"exit\": null, \"signal\": 9, \"oom_kill\": false}");
        SupervisorReport r = log.supervisor().orElseThrow();
        assertTrue(r.killedBySignal());
        assertEquals(false, r.outOfMemory());
        assertEquals("SIGKILL", r.signalName());
        ControlLog oom = new ControlLog("m", new RecordingListener());
        oom.receive("{\"event\": \"exit\", \"exit\": null, \"signal\": 9, \"oom_kill\": true}");
        assertTrue(oom.supervisor().orElseThrow().outOfMemory());
    }

    static String driver(String event, long tsNs) {
        return event.substring(0, event.length() - 1) + ", \"from\": \"driver\", \"ts_ns\": " + tsNs + "}";
    }
}
