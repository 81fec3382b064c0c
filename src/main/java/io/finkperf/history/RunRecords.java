package io.finkperf.history;

import io.finkperf.results.Environment;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.RunResults;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A run's results.json as history records: one per module, with the facts that make runs comparable. */
public final class RunRecords {

    private RunRecords() {
    }

    public static List<HistoryRecord> of(RunResults run, String runId, CommitInfo commit, String dataSha256,
                                         Calibration calibration, String reportLink) {
        Environment env = run.environment();
        MachineFingerprint fp = fingerprint(run);
        String mode = run.config() == null ? "direct" : run.config().mode();
        return run.modules().stream().map(m -> new HistoryRecord(HistoryRecord.SCHEMA, runId, m.name(), m.type(),
                m.status().name().toLowerCase(Locale.ROOT), commit, env == null ? null : env.scienceVersion(),
                run.startedAt(), run.toolVersion(), env == null ? null : env.survey(), mode, m.nAlerts(), dataSha256, fp,
                calibration, rates(m), reportLink)).toList();
    }

    /** The per-loop rates of the direct pass, the one every run has. */
    static List<Double> rates(ModuleResult m) {
        if (!m.ok()) {
            return List.of();
        }
        return m.samplesNs().stream().filter(ns -> ns > 0).map(ns -> m.nAlerts() / (ns / 1e9)).toList();
    }

    public static MachineFingerprint fingerprint(RunResults run) {
        Environment env = run.environment();
        if (env == null) {
            return new MachineFingerprint(null, 0, null, null, run.config() == null ? null : run.config().runner(), null, null);
        }
        Map<String, Object> py = env.python();
        // the container runner nests the image's versions under "python"
        if (py.get("python") instanceof Map<?, ?> nested) {
            py = cast(nested);
        }
        Map<String, Object> runner = env.runner();
        String runnerKind = str(runner.get("runner"));
        if (runnerKind == null && run.config() != null) {
            runnerKind = run.config().runner();
        }
        return new MachineFingerprint(env.cpuModel(), env.cores(), str(py.get("python")), str(py.get("numpy")), runnerKind,
                str(runner.get("image")), str(runner.get("image_digest")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
