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

@Command(name = "transfer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Pull the alerts of a Fink Data Transfer topic into parquet parts that 'profile --data' reads.",
                "Every alert exactly once: offsets are committed only after their file is durably in place, and a",
                "rerun (after a kill, or later) resumes where the output folder and the group's offsets say."},
        footer = {"", "Without --servers/--group-id, reads ~/.finkclient/<survey>_credentials.yml as Fink's client writes it.",
                "Exit codes: 14 Kafka unreachable, 15 unknown topic, 16 no schema message, 17 undecodable message,",
                "18 output not writable (disk full), 2 usage or no credentials. See docs/transfer.md."})
public final class TransferCommand implements Callable<Integer> {

    @Option(names = "--topic", required = true, description = "Data Transfer topic, e.g. ftransfer_ztf_2024-07-16_682277.")
    String topic;

    @Option(names = "--outdir", defaultValue = "fink-transfer", description = "Output folder, created if needed (default: ${DEFAULT-VALUE}).")
    Path outdir;

    @Option(names = "--survey", description = "ztf or lsst: picks the credentials file and the time column (default: from the topic name).")
    String survey;

    @Option(names = "--partition-by", description = "Hive-style folders: time, finkclass, tnsclass or classId (default: none; lsst: time only).")
    String partitionBy;

    @Option(names = "--limit", defaultValue = "0", description = "Transfer exactly N more alerts (default: all).")
    long limit;

    @Option(names = "--format", defaultValue = "parquet", description = "parquet or avro (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--servers", description = "Kafka bootstrap servers host:port (default: from the credentials file).")
    String servers;

    @Option(names = "--group-id", description = "Consumer group; its committed offsets say where to resume (default: from the credentials file).")
    String groupId;

    @Option(names = "--credentials", description = "Credentials file (default: ~/.finkclient/<survey>_credentials.yml).")
    Path credentials;

    @Option(names = "--timeout", converter = DurationConverter.class,
            description = "Longest wait for the servers or for data, e.g. 30s (default: maxtimeout of the credentials, else 10s).")
    Duration timeout;

    @Option(names = "--batch-size", defaultValue = "1000", description = "Alerts per file at most (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--writers", description = "Threads decoding and writing batches (default: number of cores).")
    Integer writers;

    @Mixin
    VerboseOption verbose;

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
