package io.finkperf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "fink-perf", mixinStandardHelpOptions = true, version = "fink-perf 0.1.0",
        description = "Profiles and benchmarks Fink science modules on real alerts.",
        subcommands = {ProfileCommand.class, BenchHarnessCommand.class, FetchDataCommand.class, ReportCommand.class, SparkBenchCommand.class, TransferCommand.class,
                CheckCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 2 usage, 3 bad data, 4 bad registry/unknown module,",
                "5 module raised, 6 module timeout, 7 Python package missing, 8 no Python,",
                "9 out of memory, 10 container engine/image, 11 download/checksum,",
                "12 regression, 13 Spark master/executors, 14 Kafka unreachable, 15 unknown topic,",
                "16 no schema message, 17 undecodable message, 18 output not writable,",
                "19 module file missing, 1 internal error."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: fink-perf profile)");
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler(new ExceptionMapper());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
