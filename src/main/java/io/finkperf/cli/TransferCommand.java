package io.finkperf.cli;

import io.finkperf.transfer.ConsoleTransferProgress;
import io.finkperf.transfer.Credentials;
import io.finkperf.transfer.CrashPoint;
import io.finkperf.transfer.OutputFormat;
import io.finkperf.transfer.PartitionBy;
import io.finkperf.transfer.Transfer;
import io.finkperf.transfer.TransferRequest;
import io.finkperf.transfer.TransferSummary;
import io.finkperf.transfer.TransferSurvey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "transfer", mixinStandardHelpOptions = true, sortOptions = false)
public final class TransferCommand implements Callable<Integer> {

    @Option(names = "--topic", required = true) String topic;
    @Option(names = "--outdir", defaultValue = "fink-transfer") Path outdir;
    @Option(names = "--survey") String survey;
    @Option(names = "--partition-by") String partitionBy;
    @Option(names = "--limit", defaultValue = "0") long limit;
    @Option(names = "--format", defaultValue = "parquet") String format;
    @Option(names = "--servers") String servers;
    @Option(names = "--group-id") String groupId;
    @Option(names = "--credentials") Path credentials;
    @Option(names = "--timeout", converter = DurationConverter.class) Duration timeout;
    @Option(names = "--batch-size", defaultValue = "1000") int batchSize;
    @Option(names = "--writers") Integer writers;
    @Mixin VerboseOption verbose;

    @Override
    public Integer call() {
        TransferRequest req = request();
        TransferSummary s = new Transfer(req, new ConsoleTransferProgress(System.err, System.console() != null), CrashPoint.NONE).run();
        if (s.alerts() == 0 && s.totalLag() == 0) {
            System.err.println("transfer: nothing left to transfer in " + topic + " for group " + req.groupId());
        }
        System.out.println(s.outDir());
        return ExitCode.OK.code();
    }

    TransferRequest request() {
        try {
            TransferSurvey sv = survey == null ? TransferSurvey.ofTopic(topic) : TransferSurvey.parse(survey);
            String srv = servers;
            String group = groupId;
            Duration t = timeout;
            if (srv == null || group == null) {
                Path file = credentials != null ? credentials
                        : Credentials.defaultFile(Path.of(System.getProperty("user.home")), sv);
                Credentials c = Credentials.load(file);
                srv = srv == null ? c.servers() : srv;
                group = group == null ? c.groupId() : group;
                t = t == null ? c.maxTimeout() : t;
            }
            if (t == null) {
                t = Credentials.DEFAULT_TIMEOUT;
            }
            int threads = writers != null ? writers : Runtime.getRuntime().availableProcessors();
            return new TransferRequest(srv, group, topic, outdir.toAbsolutePath(), sv, PartitionBy.parse(partitionBy),
                    OutputFormat.parse(format), limit, batchSize, t, threads);
        } catch (IllegalArgumentException e) {
            throw new FinkPerfException(ExitCode.USAGE, e.getMessage());
        }
    }
}
