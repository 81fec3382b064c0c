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

@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false)
public final class GateCommand implements Callable<Integer> {

    @Option(names = "--results", required = true, paramLabel = "RESULTS.json") Path results;
    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "POLICY") String failOn;
    @Option(names = "--profile-exit", paramLabel = "CODE") String profileExit;
    @Mixin VerboseOption verbose;
    @Spec CommandSpec spec;

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
