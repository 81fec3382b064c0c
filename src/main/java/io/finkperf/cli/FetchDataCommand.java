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

@Command(name = "fetch-data", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Download, verify and safely extract an alert archive (tar.gz, tar, zip, or a parquet file),",
                "e.g. a Fink Data Transfer tarball. Prints the folder to give 'profile --data' on stdout."},
        footer = {"", "Writes OUT/alerts/ (the extracted tree) and OUT/fetch.json (source, sha256, data folder).",
                "Exit codes: 11 download failed or sha256 mismatch, 3 not an archive, unsafe entries or no parquet file."})
public final class FetchDataCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL", description = "http(s):// or file:// URL, or a local path.")
    String source;

    @Option(names = "--sha256", defaultValue = "${env:FINK_PERF_DATA_SHA256}",
            description = "Expected sha256 (hex). Without it the archive is not verified: its sha256 is printed to pin it.")
    String sha256;

    @Option(names = "--out", defaultValue = "fink-perf-data", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--cache", defaultValue = "${env:FINK_PERF_DATA_CACHE}",
            description = "Download cache, keyed by sha256 (default: $XDG_CACHE_HOME or ~/.cache, /fink-perf/data).")
    Path cache;

    @Option(names = "--no-cache", description = "Neither read nor fill the download cache.")
    boolean noCache;

    @Option(names = "--timeout", defaultValue = "30m", converter = DurationConverter.class,
            description = "Limit for the whole download, e.g. 90s, 30m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    VerboseOption verbose;

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
