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

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false)
public final class CheckCommand implements Callable<Integer> {

    @Mixin WorkloadOptions workload;
    @Mixin RunnerOptions runnerOptions;
    @Mixin OfflineOption offline;
    @Option(names = "--json") boolean json;
    @Mixin VerboseOption verbose;
    @Spec CommandSpec spec;

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
