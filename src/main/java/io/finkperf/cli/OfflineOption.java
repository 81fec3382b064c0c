package io.finkperf.cli;

import picocli.CommandLine.Option;

/** Whether modules may reach network services (CDS xMatch, TNS, the Fink API…). */
public final class OfflineOption {

    @Option(names = "--offline", negatable = true, defaultValue = "${env:FINK_PERF_OFFLINE}", fallbackValue = "true",
            description = "Report modules that need a network service as 'needs network' instead of running them "
                    + "(default: on with --runner container, whose modules have no network; off locally).")
    Boolean offline;

    boolean resolve(RunnerOptions.Kind runner) {
        return offline != null ? offline : runner == RunnerOptions.Kind.container;
    }
}
