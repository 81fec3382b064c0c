package io.finkperf.runner.control;

/**
 * One module call the JVM requested: the driver's own figure, the round trip by the JVM's clock, and
 * the driver's CPU time during it as the supervisor read it in /proc (-1 when not readable).
 *
 * @param pingNs    the round trip of the empty request just before it (after the previous call)
 * @param cpuNs     main-thread CPU time (schedstat) over that ping and the call
 * @param userTicks user-mode clock ticks of the whole driver process
 * @param sysTicks  system-mode clock ticks
 * @param callCpuNs main-thread CPU time over the call alone: from the ping's answer (the driver then waits for
 *                  the call request) to the call's answer (-1 when not readable, or no ping preceded the call)
 */
public record PacedCall(long driverNs, long roundTripNs, long pingNs, long cpuNs, long userTicks, long sysTicks,
                        long callCpuNs) {

    /** A call whose own CPU time was not read. */
    public PacedCall(long driverNs, long roundTripNs, long pingNs, long cpuNs, long userTicks, long sysTicks) {
        this(driverNs, roundTripNs, pingNs, cpuNs, userTicks, sysTicks, -1);
    }
}
