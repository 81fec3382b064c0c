package io.finkperf.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -o/--output}: the report folder, with each command's own default (the field's initial value). */
public final class OutputOption {

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path output;

    public OutputOption() {
    }

    OutputOption(String defaultDir) {
        this.output = Path.of(defaultDir);
    }

    Path dir() {
        return output.toAbsolutePath();
    }
}
