package io.finkperf.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Another process's clocks as this host's kernel keeps them, so that the module's own code (which
 * shares the measured process) cannot alter them.
 */
public final class ProcClock {

    private ProcClock() {
    }

    /**
     * CPU time of the process's main thread in ns: the first field of {@code /proc/PID/schedstat}
     * (the thread-group leader, which is the thread that calls the module), exact to the ns where
     * {@code /proc/PID/stat}'s utime+stime counts 10 ms ticks; those are the fallback.
     */
    public static OptionalLong threadCpuNs(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "schedstat")).trim();
            return OptionalLong.of(Long.parseLong(s.split("\\s+")[0]));
        } catch (IOException | RuntimeException e) {
            return statTicks(pid);
        }
    }

    private static OptionalLong statTicks(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "task", Long.toString(pid), "stat"));
            // fields after the command name, which may hold spaces and parentheses
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return OptionalLong.of(ticks * 10_000_000L); // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Peak resident memory ({@code VmHWM} of {@code /proc/PID/status}) in bytes. */
    public static OptionalLong peakRssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not visible from here
        }
        return OptionalLong.empty();
    }
}
