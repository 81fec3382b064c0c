package io.finkperf.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -o/--output}: the report folder, with each command's own default (the field's initial value). */
public final class OutputOption {

    @Option(names = {"-o", "--output"}, paramLabel = "DIR") Path output;

    public OutputOption() {
    }

    OutputOption(String defaultDir) {
        this.output = Path.of(defaultDir);
    }

    /** The folder, checked before anything runs (not /, not the home folder, not a file: {@link OutputFolder}). */
    Path dir() {
        return OutputFolder.check(output);
    }
}
