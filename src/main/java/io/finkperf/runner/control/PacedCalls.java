package io.finkperf.runner.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The JVM's side of the paced calls ({@code fink-perf-control/1}): when the driver is {@code ready},
 * a few pings (what a round trip costs with nothing inside), then one {@code call} request per module
 * call, each sent as soon as the previous one is answered, so that the round trips, timed here, cover
 * the whole measured phase without a gap. Not thread-safe: {@link ControlLog} calls it under its lock.
 */
final class PacedCalls {

    static final int PINGS = 7;
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
    private final List<PacedLoop> loops = new ArrayList<>();
    private long hz;
    private int calls;
    private long driverNs;
    private long roundTripNs;
    private long maxOverNs = Long.MIN_VALUE;
    private long cpuNs;
    private long userTicks;
    private long sysTicks;

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
                pings.add(nowNs - sentNs);
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
                calls++;
                driverNs += ns;
                roundTripNs += rtt;
                maxOverNs = Math.max(maxOverNs, ns - rtt);
                awaitingServed = true;
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
        cpuNs = add(cpuNs, n.get("cpu_ns"));
        userTicks = add(userTicks, n.get("user_ticks"));
        sysTicks = add(sysTicks, n.get("sys_ticks"));
        hz = n.path("hz").asLong(100);
    }

    private static long add(long sum, JsonNode value) {
        return sum < 0 || value == null || !value.canConvertToLong() ? -1 : sum + value.asLong();
    }

    /** A measured loop ended: the calls since the previous one make it. */
    void loopEnded() {
        loops.add(new PacedLoop(calls, driverNs, roundTripNs, calls == 0 ? 0 : maxOverNs, calls == 0 ? -1 : cpuNs,
                calls == 0 ? -1 : userTicks, calls == 0 ? -1 : sysTicks));
        calls = 0;
        driverNs = 0;
        roundTripNs = 0;
        maxOverNs = Long.MIN_VALUE;
        cpuNs = 0;
        userTicks = 0;
        sysTicks = 0;
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

    List<PacedLoop> loops() {
        return List.copyOf(loops);
    }

    /** Clock ticks per second of the driver's /proc/PID/stat figures (USER_HZ). */
    long hz() {
        return hz == 0 ? 100 : hz;
    }
}
