package io.finkperf.cli;

import io.finkperf.energy.CpuPowerMatch;
import io.finkperf.energy.EnergySettings;
import io.finkperf.engine.ConsoleProgress;
import io.finkperf.engine.ProfileRequest;
import io.finkperf.engine.ScaleEngine;
import io.finkperf.engine.ScaleRequest;
import io.finkperf.report.ReportWriter;
import io.finkperf.report.Reports;
import io.finkperf.results.RunResults;
import io.finkperf.results.ScaleReport;
import io.finkperf.runner.ModuleRunner;
import java.nio.file.Path;
import java.util.List;

/** The scale pass after a profiling run, on the batch it wrote: shared by {@code scale} and {@code profile --scale}. */
final class ScaleRun {

    private ScaleRun() {
    }

    static RunResults after(RunResults profiled, ProfileRequest req, ScaleOptions o, double alertsPerNight,
                            EnergySettings energy, ModuleRunner runner, ConsoleProgress progress, List<ReportWriter> writers,
                            Path output) {
        String cpu = profiled.environment() == null ? null : profiled.environment().cpuModel();
        CpuPowerMatch power = energy.tdp().lookup(cpu);
        ScaleReport.Settings settings = new ScaleReport.Settings(req.survey(), o.batchSizes, o.lengths, o.fitFromLength, o.projectLengths,
                alertsPerNight, o.brokerBatch, o.cores, power.label() + " (" + power.how() + ")", power.wattsPerCore(), energy.pue(),
                energy.intensity().gramsPerKWh());
        ScaleRequest sr = new ScaleRequest(req.modules(), req.scienceDir(), req.workDir().resolve("batch"), req.workDir(),
                req.timeout(), o.budgetS, settings);
        progress.message("scale: how the cost grows with batch size and light-curve length, "
                + req.modules().size() + " modules");
        return new ScaleEngine(runner, progress, (soFar, m) -> Reports.write(writers, soFar, output)).run(sr, profiled);
    }
}
