package io.finkperf.runner.control;

import java.util.ArrayList;
import java.util.List;

/**
 * One measured loop as the JVM paced it, one request per module call: the driver's own figures for
 * its calls, the JVM's round trips of those requests, and the driver's CPU time during them as the
 * supervisor read it in /proc (outside the driver's process; -1 when not readable).
 *
 * @param calls       module calls answered
 * @param driverNs    the sum of the driver's figures for them
 * @param roundTripNs the sum of their round trips, by this JVM's clock
 * @param maxOverNs   the largest (driver figure − round trip) of a call: above 0 is impossible for an honest driver
 * @param cpuNs       the driver's main-thread CPU time during the calls (schedstat), -1 if unknown
 * @param userTicks   user-mode clock ticks of the driver process during the calls, -1 if unknown
 * @param sysTicks    system-mode clock ticks, -1 if unknown
 * @param callCpuNs   the main-thread CPU time of the calls alone, without the empty requests before them, -1 if unknown
 */
public record PacedLoop(int calls, long driverNs, long roundTripNs, long maxOverNs, long cpuNs, long userTicks,
                        long sysTicks, long callCpuNs) {

    /**
     * The calls in loops of {@code perLoop} calls each (a loop calls the module once per chunk): by
     * count, not by the driver's loop events, which travel on another socket and whose order relative to
     * the answers is not kept. Calls left over (fewer than a loop) are dropped.
     */
    public static List<PacedLoop> group(List<PacedCall> calls, int perLoop) {
        List<PacedLoop> loops = new ArrayList<>();
        for (int start = 0; perLoop > 0 && start + perLoop <= calls.size(); start += perLoop) {
            loops.add(of(calls.subList(start, start + perLoop)));
        }
        return loops;
    }

    /** One loop (or one measurement of a scale run) made of these calls. */
    public static PacedLoop of(List<PacedCall> calls) {
        long driver = 0;
        long rtt = 0;
        long over = Long.MIN_VALUE;
        long cpu = 0;
        long user = 0;
        long sys = 0;
        long callCpu = 0;
        for (PacedCall c : calls) {
            driver += c.driverNs();
            rtt += c.roundTripNs();
            over = Math.max(over, c.driverNs() - c.roundTripNs());
            cpu = cpu < 0 || c.cpuNs() < 0 ? -1 : cpu + c.cpuNs();
            user = user < 0 || c.userTicks() < 0 ? -1 : user + c.userTicks();
            sys = sys < 0 || c.sysTicks() < 0 ? -1 : sys + c.sysTicks();
            callCpu = callCpu < 0 || c.callCpuNs() < 0 ? -1 : callCpu + c.callCpuNs();
        }
        return new PacedLoop(calls.size(), driver, rtt, over, cpu, user, sys, callCpu);
    }
}
