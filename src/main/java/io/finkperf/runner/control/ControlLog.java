package io.finkperf.runner.control;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.finkperf.runner.DriverEvent;
import io.finkperf.runner.ModuleOutput;
import io.finkperf.runner.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything that arrived on a run's control channel ({@code fink-perf-control/1}): the driver's
 * phases and loops (forwarded as progress), its module-call start/end pairs, timed here from the
 * kernel's send-time stamps the supervisor relays with each ({@code ts_ns}), and the supervisor's
 * own exit report.
 */
public final class ControlLog {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String module;
    private final ProgressListener listener;
    private final List<Long> warmup = new ArrayList<>();
    private final List<Long> samples = new ArrayList<>();
    private final List<Long> pings = new ArrayList<>();
    private final List<ObservedLoop> loops = new ArrayList<>();
    private final List<String> anomalies = new ArrayList<>();
    private final PacedCalls paced = new PacedCalls(this::anomaly);
    private SupervisorReport supervisor;
    private Integer driverEndExit;
    private long callStart = -1;
    private int loopCalls;
    private long loopReported;
    private long loopObserved;

    public ControlLog(String module, ProgressListener listener) {
        this.module = module;
        this.listener = listener;
    }

    /**
     * Where this log sends the JVM's requests (one line each) to the supervisor, which relays them to
     * the driver: set by {@link ControlServer} once the supervisor has connected.
     */
    public synchronized void connect(Consumer<String> requests) {
        paced.connect(requests);
    }

    /** One line from the supervisor: its own event, or a driver event it relayed ({@code "from": "driver"}). */
    public synchronized void receive(String line) {
        long nowNs = System.nanoTime(); // first: a paced call's round trip ends when its answer arrives
        JsonNode n;
        try {
            n = STRICT.readTree(line);
        } catch (Exception e) {
            anomaly("unparseable control line");
            return;
        }
        if (n == null || !n.isObject()) {
            anomaly("control line is not a JSON object");
            return;
        }
        String event = n.path("event").asText("");
        if (!"driver".equals(n.path("from").asText())) {
            if ("exit".equals(event)) {
                if (supervisor != null) {
                    anomaly("second supervisor report");
                }
                supervisor = SupervisorReport.of(n);
            } else if ("served".equals(event)) {
                paced.served(n);
            }
            return;
        }
        switch (event) {
            case "hello" -> { }
            case "phase" -> listener.onEvent(module, new DriverEvent("phase", shown(n.path("phase").asText("")), 0, 0, 0));
            case "call" -> call(n, n.path("ts_ns").asLong());
            case "loop" -> loop(n);
            case "end" -> driverEndExit = n.path("exit").asInt(-1);
            case "ready", "pong", "called" -> paced.driver(event, n, nowNs);
            default -> anomaly("unknown control event '" + event + "'");
        }
    }

    private void call(JsonNode n, long sentNs) {
        boolean start = "start".equals(n.path("edge").asText());
        if (start) {
            if (callStart >= 0) {
                anomaly("call started twice");
            }
            callStart = sentNs;
            return;
        }
        if (callStart < 0) {
            anomaly("call ended without a start");
            return;
        }
        long observed = sentNs - callStart;
        callStart = -1;
        if (n.path("ping").asBoolean(false)) {
            pings.add(observed);
        } else {
            loopCalls++;
            loopReported += n.path("ns").asLong(0);
            loopObserved += observed;
        }
    }

    private void loop(JsonNode n) {
        DriverEvent e = new DriverEvent("loop", shown(n.path("kind").asText("")), n.path("i").asInt(0), n.path("n").asInt(0),
                n.path("ns").asLong(0));
        if (e.isWarmupLoop()) {
            warmup.add(e.nanos());
        } else if (e.isMeasuredLoop()) {
            samples.add(e.nanos());
            loops.add(new ObservedLoop(loopCalls, loopReported, loopObserved));
            loopCalls = 0;
            loopReported = 0;
            loopObserved = 0;
        }
        listener.onEvent(module, e);
    }

    /** A phase name is printed: module code in the driver's process could have chosen it. */
    private static String shown(String phase) {
        String clean = ModuleOutput.sanitize(phase);
        return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
    }

    private void anomaly(String what) {
        if (anomalies.size() < 10) {
            anomalies.add(what);
        }
    }

    public synchronized List<Long> warmup() {
        return List.copyOf(warmup);
    }

    public synchronized List<Long> samples() {
        return List.copyOf(samples);
    }

    public synchronized List<Long> pings() {
        return List.copyOf(pings);
    }

    public synchronized List<ObservedLoop> loops() {
        return List.copyOf(loops);
    }

    /**
     * The paced module calls of the measured loops, in order: one request each, its round trip timed by
     * this JVM (each loop is one call per chunk; grouped by {@link PacedLoop#group}).
     */
    public synchronized List<PacedCall> pacedCalls() {
        return paced.calls();
    }

    /** Round trips of the pings sent before the first paced call: a request with nothing inside. */
    public synchronized List<Long> roundTripPings() {
        return paced.pings();
    }

    /** Clock ticks per second of the supervisor's user/system tick counts. */
    public synchronized long procHz() {
        return paced.hz();
    }

    /** Events the driver never sends: someone else wrote on its channel. */
    public synchronized List<String> anomalies() {
        return List.copyOf(anomalies);
    }

    public synchronized Optional<SupervisorReport> supervisor() {
        return Optional.ofNullable(supervisor);
    }

    /** The exit code the driver announced at its very end; empty when it never got there. */
    public synchronized Optional<Integer> driverEndExit() {
        return Optional.ofNullable(driverEndExit);
    }
}
