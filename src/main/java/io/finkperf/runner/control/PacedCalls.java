package io.finkperf.runner.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The JVM's side of the paced calls ({@code fink-perf-control/1}): when the driver is {@code ready},
 * a few pings (what a round trip costs with nothing inside), then one {@code call} request per module
 * call, each after one more ping, every request sent as soon as the previous one is answered, so that
 * the round trips, timed here, cover the whole measured phase without a gap. The pings between calls
 * measure a round trip in the calls' own conditions (processes just woken after work, a loaded machine). Not thread-safe: {@link ControlLog} calls it under its lock.
 */
final class PacedCalls {

    static final int PINGS = 11;
    private static final String PING = "{\"op\": \"ping\"}";
    private static final String CALL = "{\"op\": \"call\"}";

    private enum Pending { NONE, PING, CALL }

    private final Consumer<String> anomalies;
    private Consumer<String> requests;
    private Pending pending = Pending.NONE;
    private boolean readySeen;
    private int pingsLeft;
    private long sentNs;
    private boolean awaitingServed;
    private final List<Long> pings = new ArrayList<>();
    private final List<PacedCall> calls = new ArrayList<>();
    private long hz;
    private long lastDriverNs;
    private long lastRoundTripNs;
    private long lastPingNs;

    PacedCalls(Consumer<String> anomalies) {
        this.anomalies = anomalies;
    }

    void connect(Consumer<String> requests) {
        this.requests = requests;
    }

    /** The driver's {@code ready}, {@code pong} or {@code called}, received at {@code nowNs}. */
    void driver(String event, JsonNode n, long nowNs) {
        switch (event) {
            case "ready" -> {
                if (readySeen || pending != Pending.NONE) {
                    anomalies.accept("'ready' announced twice");
                    return;
                }
                readySeen = true;
                pingsLeft = PINGS;
                next();
            }
            case "pong" -> {
                if (pending != Pending.PING) {
                    anomalies.accept("'pong' without a ping");
                    return;
                }
                lastPingNs = nowNs - sentNs;
                pings.add(lastPingNs);
                next();
            }
            case "called" -> {
                if (pending != Pending.CALL || awaitingServed) {
                    anomalies.accept("'called' without a call request");
                    return;
                }
                long rtt = nowNs - sentNs;
                long ns = n.path("ns").asLong(-1);
                if (ns < 0) {
                    anomalies.accept("'called' without a duration");
                }
                lastDriverNs = ns;
                lastRoundTripNs = rtt;
                awaitingServed = true;
                pingsLeft = 1; // each call is preceded by a ping, in the same conditions (right after work)
                next();
            }
            default -> throw new IllegalArgumentException(event);
        }
    }

    /** The supervisor's {@code served}: the driver's CPU time during the call just answered, read in /proc. */
    void served(JsonNode n) {
        if (!awaitingServed) {
            anomalies.accept("'served' without a call");
            return;
        }
        awaitingServed = false;
        calls.add(new PacedCall(lastDriverNs, lastRoundTripNs, lastPingNs, value(n.get("cpu_ns")), value(n.get("user_ticks")),
                value(n.get("sys_ticks")), value(n.get("call_cpu_ns"))));
        hz = n.path("hz").asLong(100);
    }

    private static long value(JsonNode v) {
        return v == null || !v.canConvertToLong() || v.asLong() < 0 ? -1 : v.asLong();
    }

    private void next() {
        boolean ping = pingsLeft > 0;
        if (ping) {
            pingsLeft--;
        }
        pending = ping ? Pending.PING : Pending.CALL;
        if (requests == null) {
            anomalies.accept("a request was due but the channel cannot send");
            return;
        }
        sentNs = System.nanoTime();
        requests.accept(ping ? PING : CALL);
    }

    List<Long> pings() {
        return List.copyOf(pings);
    }

    List<PacedCall> calls() {
        return List.copyOf(calls);
    }

    /** Clock ticks per second of the driver's /proc/PID/stat figures (USER_HZ). */
    long hz() {
        return hz == 0 ? 100 : hz;
    }
}
