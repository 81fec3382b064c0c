package io.finkperf.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

// every command's and option's help text is in Help.properties (subcommands inherit the bundle)
@Command(name = "fink-perf", mixinStandardHelpOptions = true, version = "fink-perf 0.1.0", resourceBundle = "io.finkperf.cli.Help",
        subcommands = {ProfileCommand.class, CompareCommand.class, ScaleCommand.class, BenchHarnessCommand.class,
                BenchCompareCommand.class, FetchDataCommand.class, ReportCommand.class,
                SparkBenchCommand.class, TransferCommand.class, CheckCommand.class, GateCommand.class,
                HistoryCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: fink-perf profile)");
    }

    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main()).setExecutionExceptionHandler(new ExceptionMapper());
        cmd.getCommandSpec().usageMessage().footer(exitCodes());
        giveVersionTo(cmd, cmd.getCommandSpec().version());
        return cmd;
    }

    /** picocli does not pass {@code version} down: without this, {@code fink-perf profile -V} prints an empty line. */
    private static void giveVersionTo(CommandLine parent, String[] version) {
        for (CommandLine sub : parent.getSubcommands().values()) {
            if (sub.getCommandSpec().version().length == 0) {
                sub.getCommandSpec().version(version);
            }
            giveVersionTo(sub, version);
        }
    }

    /** The help's table of exit codes, from {@link ExitCode} itself. */
    static String[] exitCodes() {
        List<String> lines = new ArrayList<>(List.of("", "Exit codes:"));
        for (ExitCode c : ExitCode.values()) {
            lines.add(String.format(Locale.ROOT, "  %2d  %s", c.code(), c.meaning()));
        }
        return lines.toArray(new String[0]);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
