package io.finkperf.cli;

import io.finkperf.engine.ProfileEngine;
import io.finkperf.engine.ReadinessCheck;
import io.finkperf.registry.ModuleRegistry;
import io.finkperf.registry.ModuleSpec;
import io.finkperf.report.ReadinessTable;
import io.finkperf.results.Readiness;
import io.finkperf.results.ResultsJson;
import io.finkperf.runner.ModuleRunner;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Say what every selected module misses, before running anything: the Python packages it imports",
                "(by import spec, nothing imported), the model and data files it loads, the network it needs."},
        footer = {"", "Exit code: that of the first module that cannot run (7 package, 19 file), else 0.",
                "Modules needing the network (offline) or that fink-perf cannot call are listed, exit 0."})
public final class CheckCommand implements Callable<Integer> {

    @Mixin
    WorkloadOptions workload;

    @Mixin
    RunnerOptions runnerOptions;

    @Mixin
    OfflineOption offline;

    @Option(names = "--json", description = "Print the table as JSON (schema fink-perf/check/1).")
    boolean json;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        workload.validate();
        ModuleRegistry reg = workload.loadRegistry();
        List<ModuleSpec> plan = ProfileEngine.plan(reg, workload.select(reg));
        Readiness readiness;
        try (ModuleRunner runner = runnerOptions.survey(workload.survey).create()) {
            readiness = ReadinessCheck.check(reg.source(), plan, workload.science(), runner,
                    offline.resolve(runnerOptions));
        }
        spec.commandLine().getOut().println(json ? ResultsJson.mapper().writeValueAsString(readiness)
                : ReadinessTable.text(readiness));
        spec.commandLine().getOut().flush();
        return ExceptionMapper.exitCodeOf(readiness).code();
    }
}
