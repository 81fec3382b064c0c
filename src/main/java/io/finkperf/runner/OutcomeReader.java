package io.finkperf.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.finkperf.files.UntrustedFiles;
import io.finkperf.results.ObservedTiming;
import io.finkperf.runner.control.ControlLog;
import io.finkperf.runner.control.PacedLoop;
import io.finkperf.runner.control.RoundTripCheck;
import io.finkperf.runner.control.ScaleRoundTrips;
import io.finkperf.runner.control.SupervisorReport;
import io.finkperf.runner.control.TimingCheck;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a finished (or killed) run left behind into a {@link DriverOutcome}, trusting the
 * supervisor's report and the JVM's own observations over anything the module could have written.
 */
public final class OutcomeReader {

    /** A result file is a few kB plus the line profile: anything near this is not the driver's. */
    public static final long MAX_RESULT_BYTES = 64L << 20;

    private OutcomeReader() {
    }

    /**
     * @param spec        what was asked (loops)
     * @param timedOut    the runner killed the run for its time limit
     * @param resultFile  where the result was (copied) on the host
     * @param memoryLimit the limit in force, for the out-of-memory message (null: none)
     */
    public static DriverOutcome judge(DriverSpec spec, boolean timedOut, Path resultFile, ControlLog log,
                                      String lastModuleLine, Duration wall, String memoryLimit) {
        List<Long> warmup = log.warmup();
        List<Long> seen = log.samples();
        if (timedOut) {
            return new DriverOutcome(DriverOutcome.Status.TIMEOUT, -1, null, warmup, seen,
                    "timed out after " + (spec.timeout() == null ? "?" : spec.timeout().toSeconds()) + " s (killed after "
                            + seen.size() + " measured loops)", wall);
        }
        Optional<SupervisorReport> report = log.supervisor();
        if (report.isEmpty()) {
            return untrusted("its supervisor never reported how it ended (killed, or the run was tampered with)", wall);
        }
        SupervisorReport sup = report.get();
        if (sup.killedBySignal()) {
            DriverOutcome.Status status = sup.outOfMemory() ? DriverOutcome.Status.OUT_OF_MEMORY : DriverOutcome.Status.KILLED;
            String line = sup.outOfMemory()
                    ? "out of memory: the kernel's OOM killer ended it" + (memoryLimit == null ? "" : " (memory limit " + memoryLimit + ")")
                    : "killed by signal " + sup.signal() + " (" + sup.signalName() + ")";
            return new DriverOutcome(status, 128 + sup.signal(), null, warmup, seen, line, wall);
        }
        int exit = sup.exit() == null ? -1 : sup.exit();
        JsonNode result;
        try {
            result = Files.exists(resultFile, LinkOption.NOFOLLOW_LINKS)
                    ? UntrustedFiles.readJson(resultFile, MAX_RESULT_BYTES) : null;
        } catch (UntrustedFiles.UntrustedFileException e) {
            return untrusted("its result file cannot be trusted: " + e.getMessage(), wall);
        }
        if (exit != 0) {
            return new DriverOutcome(DriverOutcome.statusOfExitCode(exit), exit, result, warmup, seen,
                    errorLine(result, lastModuleLine), wall);
        }
        if (!log.anomalies().isEmpty()) {
            return untrusted("something other than the driver wrote on its control channel ("
                    + String.join("; ", log.anomalies()) + ")", wall);
        }
        if (log.driverEndExit().isEmpty()) {
            return incomplete("exited (code 0) before the driver finished: " + seen.size() + " of " + spec.loops()
                    + " measured loops seen", exit, warmup, seen, wall);
        }
        if (result == null) {
            return incomplete("exited without writing its result file", exit, warmup, seen, wall);
        }
        if (!"ok".equals(result.path("status").asText())) {
            return new DriverOutcome(DriverOutcome.Status.CRASH, exit, result, warmup, seen, errorLine(result, lastModuleLine), wall);
        }
        if (spec.scale() != null) {
            return scaleOutcome(result, log, sup, warmup, seen, wall);
        }
        List<Long> samples = longs(result.get("samples_ns"));
        if (samples == null || samples.size() != spec.loops()) {
            return incomplete("reported " + (samples == null ? "no" : samples.size()) + " of the " + spec.loops()
                    + " measured loops asked", exit, warmup, seen, wall);
        }
        // without kernel stamps (not Linux) call times cannot be checked; the samples still are
        Optional<String> disagreement = sup.kernelTimestamps()
                ? TimingCheck.disagreement(samples, seen, log.loops(), log.pings())
                : TimingCheck.samplesDisagreement(samples, seen);
        if (disagreement.isPresent()) {
            return untrusted(disagreement.get(), wall);
        }
        Optional<String> cpu = TimingCheck.cpuDisagreement(result.path("cpu_user_s").asDouble(0)
                + result.path("cpu_sys_s").asDouble(0), sup.cpuUserS() + sup.cpuSysS());
        if (cpu.isPresent()) {
            return untrusted(cpu.get(), wall);
        }
        int chunks = result.path("n_chunks").asInt(0);
        Optional<String> roundTrips = RoundTripCheck.disagreement(samples, log.pacedCalls(), chunks);
        if (roundTrips.isPresent()) {
            return untrusted(roundTrips.get(), wall);
        }
        return new DriverOutcome(DriverOutcome.Status.OK, 0, result, warmup, seen, null, wall,
                observed(samples, PacedLoop.group(log.pacedCalls(), chunks), log.roundTripPings(), sup));
    }

    /**
     * A scale run: kept only when the calls its result lists are those fink-perf requested and timed, one by
     * one ({@link ScaleRoundTrips}); published as the driver's figures or the JVM's, measurement by measurement.
     */
    private static DriverOutcome scaleOutcome(JsonNode result, ControlLog log, SupervisorReport sup, List<Long> warmup,
                                              List<Long> seen, Duration wall) {
        List<ScaleRoundTrips.Measurement> measured;
        try {
            measured = ScaleCalls.inCallOrder(result.path("scale"));
        } catch (IllegalArgumentException e) {
            return untrusted("its scale result is malformed: " + e.getMessage(), wall);
        }
        Optional<String> disagreement = ScaleRoundTrips.disagreement(measured, log.pacedCalls(), log.roundTripPings());
        if (disagreement.isPresent()) {
            return untrusted(disagreement.get(), wall);
        }
        ScaleRoundTrips.Published p = ScaleRoundTrips.published(measured, log.pacedCalls(), log.roundTripPings());
        return new DriverOutcome(DriverOutcome.Status.OK, 0, result, warmup, seen, null, wall,
                Observed.ofScale(new ObservedScale(p.measurements(), p.timing()), sup.maxRssBytes()));
    }

    /**
     * The trusted side's figures: the samples to publish ({@link RoundTripCheck#published}); round trips per loop; the measured calls' CPU time as the supervisor
     * read it (schedstat's exact total, split into user and system in the ratio of the kernel's tick
     * counts); the peak RSS from wait4.
     */
    static Observed observed(List<Long> samples, List<PacedLoop> loops, List<Long> pings, SupervisorReport sup) {
        RoundTripCheck.Published published = RoundTripCheck.published(samples, loops, pings);
        boolean cpuVisible = loops.stream().allMatch(l -> l.cpuNs() >= 0 && l.userTicks() >= 0 && l.sysTicks() >= 0);
        List<Long> cpu = cpuVisible ? loops.stream().map(PacedLoop::cpuNs).toList() : null;
        double user = Double.NaN;
        double sys = Double.NaN;
        if (cpuVisible) {
            double total = loops.stream().mapToLong(PacedLoop::cpuNs).sum() / 1e9;
            long ut = loops.stream().mapToLong(PacedLoop::userTicks).sum();
            long st = loops.stream().mapToLong(PacedLoop::sysTicks).sum();
            user = ut + st == 0 ? total : total * ut / (ut + st);
            sys = total - user;
        }
        ObservedTiming timing = new ObservedTiming(ObservedTiming.JVM_ROUND_TRIP, RoundTripCheck.ipcNs(pings), pings,
                loops.stream().map(PacedLoop::roundTripNs).toList(), cpu, published.from());
        return new Observed(published.samplesNs(), timing, user, sys, sup.maxRssBytes());
    }

    private static DriverOutcome untrusted(String why, Duration wall) {
        return new DriverOutcome(DriverOutcome.Status.UNTRUSTED, -1, null, List.of(), List.of(), "results not trusted: " + why, wall);
    }

    private static DriverOutcome incomplete(String why, int exit, List<Long> warmup, List<Long> seen, Duration wall) {
        return new DriverOutcome(DriverOutcome.Status.INCOMPLETE, exit, null, warmup, seen, why, wall);
    }

    private static String errorLine(JsonNode result, String lastModuleLine) {
        if (result != null && result.hasNonNull("error")) {
            JsonNode err = result.get("error");
            String type = err.path("type").asText("");
            String msg = err.path("message").asText("");
            return type.isEmpty() ? msg : type + ": " + msg;
        }
        return lastModuleLine;
    }

    /** Whole numbers only: a sample written as 1e-9 or "fast" is no sample. */
    private static List<Long> longs(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        List<Long> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 0) {
                return null;
            }
            out.add(n.asLong());
        }
        return out;
    }
}
