package io.finkperf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Keep every run and show the trend across commits.",
                "Append runs (or backfill past commits) to a store, write a static site with trend charts and",
                "detected steps, export for dashboards."},
        subcommands = {HistoryAppendCommand.class, HistoryReportCommand.class, HistoryExportCommand.class},
        footer = {"", "Exit codes: 0 ok, 2 usage, 3 bad results file, 8 calibration could not run,",
                "21 history store unreadable or git checkout/range unusable, 1 internal error."})
public final class HistoryCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try: fink-perf history append --help)");
    }
}
