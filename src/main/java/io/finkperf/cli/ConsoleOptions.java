package io.finkperf.cli;

import io.finkperf.console.ConsoleProgress;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How much a command that runs modules says on the console. */
public final class ConsoleOptions {

    @Option(names = "--quiet") boolean quiet;
    @Mixin VerboseOption verbose;

    /** Progress on stderr: a bar on a terminal, a line per step elsewhere. */
    ConsoleProgress progress() {
        return ConsoleProgress.onStderr(!quiet);
    }
}
