package io.finkperf.cli;

import io.finkperf.fetch.DataCache;
import io.finkperf.fetch.DataFetcher;
import io.finkperf.fetch.FetchResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fetch-data", mixinStandardHelpOptions = true, sortOptions = false)
public final class FetchDataCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL") String source;
    @Option(names = "--sha256", defaultValue = "${env:FINK_PERF_DATA_SHA256}") String sha256;
    @Option(names = "--out", defaultValue = "fink-perf-data") Path out;
    @Option(names = "--cache", defaultValue = "${env:FINK_PERF_DATA_CACHE}") Path cache;
    @Option(names = "--no-cache") boolean noCache;
    @Option(names = "--timeout", defaultValue = "30m", converter = DurationConverter.class) Duration timeout;
    @Mixin VerboseOption verbose;

    @Override
    public Integer call() {
        DataCache c = noCache ? DataCache.disabled() : DataCache.at(cache != null ? cache : DataCache.defaultDir());
        FetchResult r;
        try {
            r = new DataFetcher(c, timeout, System.err).fetch(source, sha256, out);
        } catch (IllegalArgumentException e) {
            throw new FinkPerfException(ExitCode.USAGE, e.getMessage());
        }
        if (!r.verified()) {
            System.err.println("fink-perf: warning: " + source + " was not verified (no --sha256); its sha256 is "
                    + r.sha256() + ": pass --sha256 " + r.sha256() + " to pin it");
        }
        System.err.println("fetch-data: sha256 " + r.sha256() + ", " + r.parquetFiles() + " parquet files under " + r.dataDir());
        System.out.println(r.dataDir());
        return ExitCode.OK.code();
    }
}
