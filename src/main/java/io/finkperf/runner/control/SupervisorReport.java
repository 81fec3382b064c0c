package io.finkperf.runner.control;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the supervisor (the driver's trusted parent, {@code fink_perf_driver.supervise}) saw from
 * the kernel: exit code or signal, CPU time and peak RSS from wait4, whether the memory cgroup's
 * OOM killer fired (null when unreadable), how many left-over processes it killed, and whether the
 * events it relayed carry the kernel's send-time stamps (SO_TIMESTAMPNS; Linux).
 */
public record SupervisorReport(Integer exit, Integer signal, long wallNs, double cpuUserS, double cpuSysS,
                               long maxRssBytes, Boolean oomKill, int leftoversKilled, boolean terminated,
                               boolean kernelTimestamps) {

    static SupervisorReport of(JsonNode n) {
        return new SupervisorReport(
                n.path("exit").isInt() ? n.get("exit").asInt() : null,
                n.path("signal").isInt() ? n.get("signal").asInt() : null,
                n.path("wall_ns").asLong(0), n.path("cpu_user_s").asDouble(0), n.path("cpu_sys_s").asDouble(0),
                n.path("max_rss_bytes").asLong(0),
                n.path("oom_kill").isBoolean() ? n.get("oom_kill").asBoolean() : null,
                n.path("leftovers_killed").asInt(0), n.path("terminated").asBoolean(false),
                n.path("kernel_timestamps").asBoolean(false));
    }

    public boolean killedBySignal() {
        return signal != null;
    }

    /** Killed, and the kernel's memory cgroup counted an OOM kill meanwhile. */
    public boolean outOfMemory() {
        return signal != null && Boolean.TRUE.equals(oomKill);
    }

    public String signalName() {
        return switch (signal == null ? 0 : signal) {
            case 6 -> "SIGABRT";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 15 -> "SIGTERM";
            default -> "signal";
        };
    }
}
