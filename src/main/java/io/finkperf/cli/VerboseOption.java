package io.finkperf.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: {@link ExceptionMapper} looks for it to print stack traces. */
public final class VerboseOption {

    @Option(names = "--verbose") boolean verbose;
}
