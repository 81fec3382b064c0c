package io.finkperf.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.finkperf.energy.CpuPowerMatch;
import io.finkperf.energy.EnergySettings;
import io.finkperf.registry.CallKind;
import io.finkperf.registry.ModuleSpec;
import io.finkperf.results.BatchSizeRun;
import io.finkperf.results.BranchCost;
import io.finkperf.results.ColdStart;
import io.finkperf.results.CostFit;
import io.finkperf.results.LengthFit;
import io.finkperf.results.LengthRun;
import io.finkperf.results.MemoryFit;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.NightCost;
import io.finkperf.results.RunResults;
import io.finkperf.results.ScaleReport;
import io.finkperf.results.ScaleResult;
import io.finkperf.results.TimedCalls;
import io.finkperf.runner.DriverArg;
import io.finkperf.runner.DriverOutcome;
import io.finkperf.runner.DriverSpec;
import io.finkperf.runner.ModuleRunner;
import io.finkperf.runner.ObservedScale;
import io.finkperf.runner.ScaleSpec;
import io.finkperf.runner.control.ScaleRoundTrips;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * How each module's cost grows: after the direct pass (whose batch and line profiles it reuses),
 * one fresh driver process per module in scale mode; the fits, the branch costs and the night's
 * cost are derived here. Results are handed to the listener after every module.
 */
final class ScaleEngine {

    private final ModuleRunner runner;
    private final RunProgress progress;
    private final RunListener listener;

    ScaleEngine(ModuleRunner runner, RunProgress progress, RunListener listener) {
        this.runner = runner;
        this.progress = progress;
        this.listener = listener;
    }

    /** The profiled results with their {@code scale} section, handed to the listener after every module. */
    RunResults run(ProfileRequest req, ScalePass pass, EnergySettings energy, RunResults profiled) {
        String cpu = profiled.environment() == null ? null : profiled.environment().cpuModel();
        CpuPowerMatch power = energy.tdp().lookup(cpu);
        ScaleReport.Settings settings = new ScaleReport.Settings(req.survey(), pass.batchSizes(), pass.lengths(),
                pass.fitFromLength(), pass.projectLengths(), pass.alertsPerNight(), pass.brokerBatch(), pass.cores(),
                power.label() + " (" + power.how() + ")", power.wattsPerCore(), energy.pue(), energy.intensity().gramsPerKWh());
        progress.message("scale: how the cost grows with batch size and light-curve length, " + req.modules().size() + " modules");
        ScaleReport report = new ScaleReport(settings, List.of());
        RunResults results = profiled.withScale(report);
        int i = 0;
        for (ModuleSpec m : req.modules()) {
            i++;
            progress.moduleStarted(i, req.modules().size(), m.name(), "scale");
            ScaleResult r = measure(req, pass, settings, m, profiled.module(m.name()).orElse(null));
            progress.moduleFinished(i, req.modules().size(), m.name(), describe(r));
            report = report.withModule(r);
            results = results.withScale(report);
            listener.resultsSoFar(results);
        }
        return results;
    }

    private ScaleResult measure(ProfileRequest req, ScalePass pass, ScaleReport.Settings s, ModuleSpec m,
                                ModuleResult profiledResult) {
        String type = m.type().label();
        if (m.call() == CallKind.DATAFRAME) {
            return ScaleResult.failed(m.name(), type, "skipped", "takes a whole Spark DataFrame: not timed by fink-perf yet");
        }
        if (profiledResult != null && !profiledResult.ok()) {
            return ScaleResult.failed(m.name(), type, "skipped", "failed when profiled: "
                    + (profiledResult.error() == null ? profiledResult.status() : profiledResult.error().message()));
        }
        Path work = req.workDir();
        DriverSpec spec = new DriverSpec(m.name(), m.entry(), req.scienceDir().toAbsolutePath(),
                work.resolve("batch").toAbsolutePath(),
                m.args().stream().map(DriverArg::of).toList(),
                0, 1, false, work.resolve("scale").resolve(m.name() + ".json").toAbsolutePath(), null, m.output(),
                req.timeout(), m.call().label(), null, new ScaleSpec(s.batchSizes(), s.lengths(), pass.budgetS()));
        DriverOutcome outcome = runner.run(spec, progress);
        ObservedScale observed = outcome.observed() == null ? null : outcome.observed().scale();
        if (!outcome.ok() || outcome.result() == null || !outcome.result().has("scale") || observed == null) {
            String why = outcome.result() != null && outcome.result().path("error").has("message")
                    ? outcome.result().path("error").path("message").asText() : outcome.errorLine();
            return ScaleResult.failed(m.name(), type, "error", outcome.status().name().toLowerCase(Locale.ROOT) + ": " + why);
        }
        return derive(m.name(), type, outcome.result().get("scale"), observed, profiledResult, s);
    }

    /**
     * The record of one module from the driver's {@code fink-perf-scale/1} object, with every fit. The calls'
     * figures are those {@code observed} publishes (the driver's where they agreed with what fink-perf timed,
     * else fink-perf's), in {@link io.finkperf.runner.ScaleCalls#inCallOrder} order; probes are not fitted.
     */
    static ScaleResult derive(String module, String type, JsonNode j, ObservedScale observed, ModuleResult profiled,
                              ScaleReport.Settings s) {
        Iterator<TimedCalls> published = observed.measurements().stream().map(ScaleRoundTrips.Measurement::calls).iterator();
        long coldCallNs = published.next().wallNs().get(0);
        TimedCalls warm = published.next();
        ColdStart cold = ColdStart.of(j.path("import_ns").asLong(), coldCallNs, (long) warm.medianWallNs());
        List<BatchSizeRun> sizes = new ArrayList<>();
        for (JsonNode b : j.path("batch_sizes")) {
            JsonNode mem = b.path("memory");
            sizes.add(new BatchSizeRun(b.path("n").asInt(), published.next(),
                    mem.isObject() ? mem.path("rss_before_bytes").asLong() : null,
                    mem.isObject() ? mem.path("peak_rss_bytes").asLong() : null));
        }
        List<LengthRun> bins = new ArrayList<>();
        for (JsonNode b : j.path("real_bins")) {
            published.next(); // its probes
            bins.add(new LengthRun(null, b.path("lo").asInt(), b.path("hi").asInt(), b.path("data_alerts").asLong(),
                    b.path("mean_length").asDouble(), b.path("alerts_per_call").asInt(), published.next()));
        }
        List<LengthRun> resized = new ArrayList<>();
        for (JsonNode b : j.path("lengths")) {
            published.next();
            resized.add(new LengthRun(b.path("length").asInt(), null, null, null, null, b.path("alerts_per_call").asInt(),
                    published.next()));
        }
        long idle = j.path("idle_rss_bytes").asLong();
        CostFit fit = CostFit.of(sizes);
        LengthFit lengthFit = fit == null ? null : LengthFit.of(resized, fit.aNs(), s.projectLengths(), s.fitFromLength());
        long alerts = j.path("data_alerts").asLong();
        BranchCost branch = null;
        if (fit != null && profiled != null) {
            // the average alert of the profiled data, at the profiled chunking, from the fit
            int chunks = Math.max(1, profiled.nChunks());
            double average = (chunks * fit.aNs() + alerts * fit.bNs()) / Math.max(1, alerts);
            branch = BranchCost.of(profiled.lineProfile(), profiled.nAlerts(), chunks, average).orElse(null);
        }
        NightCost night = fit == null ? null
                : NightCost.of(fit, s.alertsPerNight(), s.brokerBatch(), s.cores(), s.wattsPerCore(), s.pue(), s.gramsCo2PerKWh());
        String status = fit == null ? "error" : "ok";
        return new ScaleResult(module, type, status, fit == null ? "fewer than two batch sizes measured" : null, alerts, idle,
                cold, warm, sizes, j.path("history_column").isTextual() ? j.path("history_column").asText() : null,
                bins, resized, fit, lengthFit, MemoryFit.of(sizes, idle), branch, night, observed.timing());
    }

    private static String describe(ScaleResult r) {
        if (!r.ok()) {
            return r.status() + ": " + r.message();
        }
        var f = r.costFit();
        var l = r.lengthFit();
        return String.format(Locale.ROOT, "a = %.3f ms per call, b = %.2f µs per alert%s; %.2f core-hours a night",
                f.aNs() / 1e6, f.bNs() / 1e3,
                l == null ? "" : l.flat() ? ", flat in light-curve length" : String.format(Locale.ROOT, ", t ∝ length^%.2f", l.exponent()),
                r.night().coreHours());
    }
}
