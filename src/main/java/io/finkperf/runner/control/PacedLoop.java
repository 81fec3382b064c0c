package io.finkperf.runner.control;

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
 */
public record PacedLoop(int calls, long driverNs, long roundTripNs, long maxOverNs, long cpuNs, long userTicks,
                        long sysTicks) {
}
