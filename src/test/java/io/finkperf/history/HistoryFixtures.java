package io.finkperf.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Synthetic history records: one module, one run per commit, loops around a chosen rate. */
final class HistoryFixtures {

    static final MachineFingerprint MACHINE_A = new MachineFingerprint("Intel Xeon 8272CL", 2, "3.9.2", "1.24.2", "local", null, null);
    static final MachineFingerprint MACHINE_B = new MachineFingerprint("AMD EPYC 7763", 2, "3.9.2", "1.24.2", "local", null, null);

    private HistoryFixtures() {
    }

    static CommitInfo commit(int i) {
        String sha = String.format("%08x", 0xabc000L + i) + "0".repeat(32);
        return new CommitInfo(sha, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * i).toString(),
                "v" + i, "commit " + i, i == 0 ? List.of("v8.0.0") : List.of());
    }

    static HistoryRecord record(String module, int commit, double rate, double calibrationS, MachineFingerprint fp,
                                Random rnd) {
        List<Double> loops = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            loops.add(rate * (1 + 0.01 * rnd.nextGaussian()));
        }
        String runId = "run-" + commit + "-" + module;
        return new HistoryRecord(HistoryRecord.SCHEMA, runId, module, "feature", "ok", commit(commit), "8.0." + commit,
                commit(commit).date(), "0.1.0", "ztf", "direct", 72, "d".repeat(64), fp,
                new Calibration(calibrationS, calibrationS, calibrationS, 11, fp.python(), fp.numpy(), "/usr/bin/python3"),
                loops, null);
    }
}
