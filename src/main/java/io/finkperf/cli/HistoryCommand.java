package io.finkperf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "history", mixinStandardHelpOptions = true, subcommands = {HistoryAppendCommand.class, HistoryReportCommand.class, HistoryExportCommand.class})
public final class HistoryCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: fink-perf history append --help)");
    }
}
