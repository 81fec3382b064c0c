package io.finkperf.cli;

import io.finkperf.energy.EnergySettings;
import io.finkperf.engine.ProfileRequest;
import io.finkperf.engine.RunRequest;
import io.finkperf.registry.ModuleRegistry;
import io.finkperf.runner.local.LocalRunner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "spark-bench", mixinStandardHelpOptions = true, sortOptions = false)
public final class SparkBenchCommand implements Callable<Integer> {

    @Mixin SparkOptions spark;
    @Mixin RunLengthOptions length = new RunLengthOptions(3, 1);
    @Mixin WorkloadOptions workload;
    @Mixin PythonOption python;
    @Mixin OutputOption output = new OutputOption("fink-perf-spark");
    @Mixin ConsoleOptions console;

    @Override
    public Integer call() {
        length.validate();
        workload.validate();
        spark.validate();
        ModuleRegistry reg = workload.loadRegistry();
        Path out = output.dir();
        String py = python.find();
        ProfileRequest profile = new ProfileRequest(reg, workload.select(reg), workload.science(), workload.dataPath(),
                workload.survey, workload.nAlerts, length.warmup, length.loops, workload.chunkRows, length.timeout, false, out);
        RunRequest request = RunRequest.direct(profile, EnergySettings.defaults()).withSpark(spark.mode(py, null));
        return new ReportsOnDisk(out, true).run(() -> new LocalRunner(py, FinkPerfHome.driverDir()), console, request,
                "direct mode on the same alerts");
    }
}
