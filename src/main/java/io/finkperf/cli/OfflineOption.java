package io.finkperf.cli;

import picocli.CommandLine.Option;

/** Whether modules may reach network services (CDS xMatch, TNS, the Fink API…). */
public final class OfflineOption {

    @Option(names = "--offline", negatable = true, defaultValue = "${env:FINK_PERF_OFFLINE}", fallbackValue = "true")
    Boolean offline;

    /** Containers have no network unless {@code --allow-network}: without it they are offline whatever is asked. */
    boolean resolve(RunnerOptions runner) {
        if (runner.runner == RunnerOptions.Kind.container) {
            if (Boolean.FALSE.equals(offline) && !runner.allowNetwork) {
                throw new FinkPerfException(ExitCode.USAGE, "--no-offline with --runner container needs --allow-network"
                        + " (module containers have no network by default)");
            }
            return !runner.allowNetwork || Boolean.TRUE.equals(offline);
        }
        return offline != null && offline;
    }
}
