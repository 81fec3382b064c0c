package io.finkperf.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data} of the bench commands: the alerts they time, the bundled ZTF sample unless given. */
public final class BenchDataOption {

    @Option(names = "--data", descriptionKey = "bench.data") Path data;

    Path path() {
        return data == null ? FinkPerfHome.defaultData("ztf") : data;
    }
}
