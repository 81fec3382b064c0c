package io.finkperf.cli;

import io.finkperf.gate.FailOn;
import io.finkperf.gate.Gate;
import io.finkperf.gate.GateException;
import io.finkperf.gate.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Pass or fail a finished run, as a CI job's last step (the Action's fail-on):",
                "  error             profiling failed or a module failed (default)",
                "  never             always pass",
                "  min-throughput:N  as error, or a module that ran fine is below N alerts/s/core"},
        footer = {"", "Exit codes: 0 pass; when profiling failed, its own code (without --profile-exit:",
                "the first failed module's); 12 below min-throughput; 20 nothing to judge",
                "(profiling did not run, no results file); 3 not a results file; 2 usage."})
public final class GateCommand implements Callable<Integer> {

    @Option(names = "--results", required = true, paramLabel = "RESULTS.json", description = "The run's results.json.")
    Path results;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "POLICY",
            description = "error, never or min-throughput:N (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--profile-exit", paramLabel = "CODE",
            description = "Exit code of the profile run that wrote --results; an empty value means it did not run. "
                    + "Without it, module failures are read from --results.")
    String profileExit;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Verdict v = Gate.judge(policy(), exitOfProfile(),
                () -> Files.isRegularFile(results) ? ResultsFile.read(results) : null);
        if (!v.passed()) {
            throw new GateException(v);
        }
        spec.commandLine().getOut().println("fink-perf: " + v.message());
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }

    private FailOn policy() {
        try {
            return FailOn.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new FinkPerfException(ExitCode.USAGE, e.getMessage());
        }
    }

    private OptionalInt exitOfProfile() {
        if (profileExit == null) {
            return null;
        }
        if (profileExit.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(profileExit.strip()));
        } catch (NumberFormatException e) {
            throw new FinkPerfException(ExitCode.USAGE, "--profile-exit '" + profileExit + "' is not an exit code");
        }
    }
}
