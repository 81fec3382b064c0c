package io.finkperf.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.data.AlertData;
import io.finkperf.data.Survey;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunResults;
import io.finkperf.testing.FinkPerfCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Transfers from a real KRaft broker in this JVM, loaded as Fink's service loads a topic; one broker for all. */
class TransferIT {

    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static EmbeddedKafka kafka;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    static String newTopic(String survey) {
        return "ftransfer_" + survey + "_2026-03-23_" + (100 + TOPICS.incrementAndGet());
    }

    /** A new ZTF topic holding {@code alerts}, spread over its partitions by {@code seed}. */
    static String ztfTopic(TransferTopics.Fixture f, List<GenericRecord> alerts, long seed) throws Exception {
        String topic = newTopic("ztf");
        TransferTopics.load(kafka, topic, f.schema(), alerts, seed);
        return topic;
    }

    static List<Long> candids(List<GenericRecord> alerts) {
        return alerts.stream().map(a -> (Long) a.get("candid")).sorted().toList();
    }

    static TransferRequest request(String topic, Path out, String group, PartitionBy by, OutputFormat format, long limit, int batch) {
        return new TransferRequest(kafka.servers(), group, topic, out, TransferSurvey.ofTopic(topic), by, format, limit, batch,
                Duration.ofSeconds(20), 2);
    }

    static TransferSummary transfer(TransferRequest req, CrashPoint crash) {
        return new Transfer(req, TransferProgress.NONE, crash).run();
    }

    static Map<Long, GenericRecord> byId(List<GenericRecord> alerts, String id) {
        Map<Long, GenericRecord> m = new HashMap<>();
        for (GenericRecord a : alerts) {
            assertEquals(null, m.put((Long) a.get(id), a), "id " + a.get(id) + " twice");
        }
        return m;
    }

    static List<Long> ids(Path out, String id) throws Exception {
        return TransferOutput.read(out).stream().map(a -> (Long) a.record().get(id)).sorted().toList();
    }

    /**
     * An alert as plain Java values, field for field: Avro maps are unordered and their keys may come
     * back as String or Utf8, so maps become sorted String-keyed maps; strings Strings; bytes lists.
     */
    static Object canonical(Object v) {
        if (v instanceof GenericRecord r) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            for (org.apache.avro.Schema.Field f : r.getSchema().getFields()) {
                m.put(f.name(), canonical(r.get(f.pos())));
            }
            return m;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> m = new java.util.TreeMap<>();
            map.forEach((k, x) -> m.put(k.toString(), canonical(x)));
            return m;
        }
        if (v instanceof java.util.Collection<?> c) {
            return c.stream().map(TransferIT::canonical).toList();
        }
        if (v instanceof CharSequence cs) {
            return cs.toString();
        }
        if (v instanceof java.nio.ByteBuffer b) {
            byte[] bytes = new byte[b.remaining()];
            b.duplicate().get(bytes);
            return java.util.HexFormat.of().formatHex(bytes);
        }
        return v;
    }

    /** Equal JSON renderings (every field, bytes included); on a difference, shows where. */
    static void assertSameAlert(String expected, String actual) {
        if (expected.equals(actual)) {
            return;
        }
        int i = 0;
        while (i < Math.min(expected.length(), actual.length()) && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 150);
        throw new AssertionError("alerts differ at char " + i + ":\n expected ..." + expected.substring(from, Math.min(expected.length(), i + 150))
                + "\n actual   ..." + actual.substring(from, Math.min(actual.length(), i + 150)));
    }

    @Nested
    class RoundTrip {

        @Test
        void ztfAlertsComeBackFieldForField() throws Exception {
            roundTrip(TransferRoundTrip.ZTF, OutputFormat.PARQUET);
        }

        @Test
        void rubinAlertsComeBackFieldForField() throws Exception {
            roundTrip(TransferRoundTrip.LSST, OutputFormat.PARQUET);
        }

        @Test
        void avroFormatToo() throws Exception {
            roundTrip(TransferRoundTrip.ZTF, OutputFormat.AVRO);
        }

        private void roundTrip(TransferRoundTrip survey, OutputFormat format) throws Exception {
            TransferTopics.Fixture f = survey.fixture();
            String topic = newTopic(survey.name().toLowerCase());
            TransferTopics.load(kafka, topic, f.schema(), f.alerts(), 7);
            Path out = tmp.resolve("out");
            TransferSummary s = transfer(request(topic, out, "g-" + topic, PartitionBy.NONE, format, 0, 5), CrashPoint.NONE);
            assertEquals(f.alerts().size(), s.alerts());
            assertEquals(0, s.totalLag());
            List<TransferOutput.Alert> back = TransferOutput.read(out);
            assertEquals(f.alerts().size(), back.size());
            Map<Long, GenericRecord> expected = byId(f.alerts(), survey.id);
            for (TransferOutput.Alert a : back) {
                assertEquals(f.schema(), a.record().getSchema(), "file schema is the topic's");
                GenericRecord e = expected.get((Long) a.record().get(survey.id));
                Object want = canonical(e);
                Object got = canonical(a.record());
                if (!want.equals(got)) {
                    assertSameAlert(want.toString(), got.toString());
                }
            }
            assertEquals(0, transfer(request(topic, out, "g-" + topic, PartitionBy.NONE, format, 0, 5), CrashPoint.NONE).alerts(),
                    "a rerun finds nothing new");
            assertEquals(f.alerts().size(), TransferOutput.read(out).size());
        }
    }

    /**
     * Copies of the fixture's alerts (all "SN candidate") spread over classes of uneven sizes, one
     * of them with a character Spark escapes in folder names.
     */
    static List<GenericRecord> unevenClasses(TransferTopics.Fixture f, int n) {
        String[] classes = {"SN candidate", "SN candidate", "SN candidate", "Solar System MPC", "Solar System MPC", "EB*",
            "Kilonova candidate"};
        List<GenericRecord> alerts = TransferTopics.replicate(f, "candid", n);
        for (int i = 0; i < alerts.size(); i++) {
            alerts.get(i).put("finkclass", classes[i % classes.length]);
        }
        return alerts;
    }

    @Nested
    class Layouts {

        @Test
        void finkclassFoldersAreFinksAndProfileReadsThem() throws Exception {
            TransferTopics.Fixture f = TransferTopics.ztf();
            List<GenericRecord> alerts = unevenClasses(f, 35);
            String topic = ztfTopic(f, alerts, 11);
            Path out = tmp.resolve("by-class");
            transfer(request(topic, out, "g-" + topic, PartitionBy.FINKCLASS, OutputFormat.PARQUET, 0, 100), CrashPoint.NONE);
            Set<String> expected = alerts.stream().map(a -> "finkclass=" + PartitionPath.escape(a.get("finkclass")))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> folders;
            try (Stream<Path> l = Files.list(out)) {
                folders = l.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_"))
                        .collect(Collectors.toCollection(TreeSet::new));
            }
            assertEquals(Set.of("finkclass=EB%2A", "finkclass=Kilonova candidate", "finkclass=SN candidate",
                    "finkclass=Solar System MPC"), expected);
            assertEquals(expected, folders);
            List<TransferOutput.Alert> back = TransferOutput.read(out);
            assertEquals(alerts.size(), back.size());
            Map<Long, GenericRecord> byId = byId(alerts, "candid");
            for (TransferOutput.Alert a : back) {
                GenericRecord e = byId.get((Long) a.record().get("candid"));
                assertEquals("finkclass=" + PartitionPath.escape(e.get("finkclass")), a.folder());
                assertEquals(null, a.record().getSchema().getField("finkclass"), "the partition column lives in the folder");
            }
            try (AlertData data = AlertData.open(out, Survey.ZTF)) {
                assertEquals(alerts.size(), data.count());
                assertTrue(data.availableColumns().contains("finkclass"), data.availableColumns().toString());
            }
        }

        @Test
        void pulledThenProfiledOnAsManyAlertsOfEachClass() throws Exception {
            TransferTopics.Fixture f = TransferTopics.ztf();
            List<GenericRecord> alerts = unevenClasses(f, 63); // 27, 18, 9, 9
            String topic = ztfTopic(f, alerts, 13);
            Path out = tmp.resolve("data");
            FinkPerfCli.Run pull = FinkPerfCli.run("transfer", "--topic", topic, "--outdir", out.toString(), "--servers",
                    kafka.servers(), "--group-id", "g-" + topic, "--partition-by", "finkclass", "--timeout", "20s");
            assertEquals(0, pull.exitCode(), pull.stderr());
            int perClass = 5;
            Map<String, Long> sizes = alerts.stream().collect(Collectors.groupingBy(a -> String.valueOf(a.get("finkclass")),
                    Collectors.counting()));
            long expected = sizes.values().stream().mapToLong(n -> Math.min(n, perClass)).sum();
            assertEquals(20, expected, sizes.toString());

            Path report = tmp.resolve("report");
            FinkPerfCli.Run profile = FinkPerfCli.run("profile", "--data", out.toString(), "--sample-by", "finkclass",
                    "--per-class", String.valueOf(perClass), "--loops", "1", "--warmup", "0", "--no-line-profile", "--quiet",
                    "--output", report.toString());
            assertEquals(0, profile.exitCode(), profile.stderr());
            RunResults results = ResultsJson.read(report.resolve("results.json"));
            assertEquals(expected, results.config().nAlerts());
            assertTrue(!results.modules().isEmpty() && results.modules().stream().allMatch(m -> m.ok() && m.nAlerts() == expected),
                    results.modules().toString());
        }

        @Test
        void timeFoldersFromTheAlertDate() throws Exception {
            TransferTopics.Fixture f = TransferTopics.lsst();
            String topic = newTopic("lsst");
            TransferTopics.load(kafka, topic, f.schema(), f.alerts(), 12);
            Path out = tmp.resolve("by-time");
            transfer(request(topic, out, "g-" + topic, PartitionBy.TIME, OutputFormat.PARQUET, 0, 100), CrashPoint.NONE);
            Map<Long, GenericRecord> byId = byId(f.alerts(), "diaSourceId");
            for (TransferOutput.Alert a : TransferOutput.read(out)) {
                GenericRecord src = (GenericRecord) byId.get((Long) a.record().get("diaSourceId")).get("diaSource");
                double jd = ((Number) src.get("midpointMjdTai")).doubleValue() + 2400000.5;
                assertEquals(PartitionPath.timeFolder(jd), a.folder());
            }
        }
    }

    @Nested
    class ExactlyOnce {

        static Stream<Arguments> kills() {
            List<Arguments> a = new ArrayList<>();
            for (CrashPoint.Stage s : CrashPoint.Stage.values()) {
                for (int k : new int[] {1, 4, 9}) {
                    a.add(Arguments.of(s, k));
                }
            }
            return a.stream();
        }

        @ParameterizedTest(name = "killed at {0} of batch {1}")
        @MethodSource("kills")
        void killedAndRerunEndsWithEveryAlertOnce(CrashPoint.Stage stage, int k) throws Exception {
            TransferTopics.Fixture f = TransferTopics.ztf();
            List<GenericRecord> alerts = TransferTopics.replicate(f, "candid", 120);
            String topic = ztfTopic(f, alerts, k);
            Path out = tmp.resolve("out");
            String group = "g-" + topic;
            CrashPoint kill = (s, batch, range) -> {
                if (s == stage && batch == k) {
                    throw new IllegalStateException("simulated kill");
                }
            };
            assertThrows(IllegalStateException.class,
                    () -> transfer(request(topic, out, group, PartitionBy.FINKCLASS, OutputFormat.PARQUET, 0, 4), kill));
            transfer(request(topic, out, group, PartitionBy.FINKCLASS, OutputFormat.PARQUET, 0, 4), CrashPoint.NONE);
            List<Long> expected = candids(alerts);
            assertEquals(expected, ids(out, "candid"));
        }

        @Test
        void limitIsExactAndResumes() throws Exception {
            TransferTopics.Fixture f = TransferTopics.ztf();
            List<GenericRecord> alerts = TransferTopics.replicate(f, "candid", 50);
            String topic = ztfTopic(f, alerts, 3);
            Path out = tmp.resolve("out");
            assertEquals(17, transfer(request(topic, out, "g", PartitionBy.NONE, OutputFormat.PARQUET, 17, 4), CrashPoint.NONE).alerts());
            assertEquals(17, ids(out, "candid").size());
            assertEquals(20, transfer(request(topic, out, "g", PartitionBy.NONE, OutputFormat.PARQUET, 20, 4), CrashPoint.NONE).alerts());
            assertEquals(13, transfer(request(topic, out, "g", PartitionBy.NONE, OutputFormat.PARQUET, 0, 4), CrashPoint.NONE).alerts());
            assertEquals(candids(alerts), ids(out, "candid"));
        }
    }

    @Nested
    class DiskFull {

        /** Every file under {@code dir}, hidden or journal included, by name. */
        private List<String> allFiles(Path dir) throws Exception {
            try (Stream<Path> w = Files.walk(dir)) {
                return w.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
            }
        }

        @Test
        void aJournalThatDoesNotFitLeavesNoTemporaryAndTheBatchsPartsForTheCallerToDelete() throws Exception {
            String topic = newTopic("ztf");
            try (TinyFilesystem fs = TinyFilesystem.mount(tmp.resolve("tiny"), 1 << 20)) {
                Path out = fs.dir().resolve("out");
                FileNamer namer = new FileNamer(topic, OutputFormat.AVRO);
                DurableWriter durable = new DurableWriter(out, namer);
                OffsetRange range = new OffsetRange(3, 10, 13);
                Path temp = durable.tempFor("", namer.name(range));
                Files.write(temp, new byte[100]);
                Files.createDirectories(out.resolve(DurableWriter.JOURNAL_DIR));
                fs.fillLeaving(0);

                IOException e = assertThrows(IOException.class, () -> durable.publish(range, List.of(temp), () -> { }));
                assertTrue(BatchTask.describe(e).startsWith("disk full"), BatchTask.describe(e));
                assertEquals(List.of(out.relativize(temp).toString()), allFiles(out), "no journal, not even a temporary one");
            }
        }

        private FinkPerfCli.Run cli(String topic, Path out, String group) {
            return FinkPerfCli.run("transfer", "--topic", topic, "--outdir", out.toString(), "--servers", kafka.servers(),
                    "--group-id", group, "--partition-by", "finkclass", "--batch-size", "4", "--writers", "2", "--timeout", "20s");
        }

        @Test
        void runsOutOfSpaceMidRunKeepsValidPartsAndARerunAfterFreeingSpaceEndsWithEveryAlertOnce() throws Exception {
            TransferTopics.Fixture f = TransferTopics.ztf();
            List<GenericRecord> alerts = TransferTopics.replicate(f, "candid", 120);
            String topic = ztfTopic(f, alerts, 21);
            List<Long> expected = candids(alerts);

            // the whole output's size, from a run with room, sets how much room makes the next one fail half-way
            Path roomy = tmp.resolve("roomy");
            assertEquals(0, cli(topic, roomy, "g-roomy-" + topic).exitCode());
            long total = 0;
            for (Path p : TransferOutput.parts(roomy)) {
                total += Files.size(p);
            }

            try (TinyFilesystem fs = TinyFilesystem.mount(tmp.resolve("tiny"), 4 * total)) {
                Path filler = fs.fillLeaving(total / 2);
                Path out = fs.dir().resolve("out");
                String group = "g-" + topic;

                FinkPerfCli.Run full = cli(topic, out, group);
                assertEquals(18, full.exitCode(), full.stderr());
                List<String> errorLines = full.stderr().lines().filter(l -> l.startsWith("fink-perf:")).toList();
                assertEquals(1, errorLines.size(), full.stderr());
                assertTrue(errorLines.get(0).contains("disk full") && errorLines.get(0).contains(topic), errorLines.get(0));

                for (String name : allFiles(out)) {
                    String file = Path.of(name).getFileName().toString();
                    assertTrue(!file.startsWith(".") && !file.endsWith(".pending"), "left behind for a rerun to publish: " + name);
                }
                List<Long> kept = ids(out, "candid"); // every part is a whole, readable parquet file
                assertTrue(!kept.isEmpty() && kept.size() < expected.size(), "ran out mid-run: " + kept.size() + " of " + expected.size());
                assertEquals(kept.size(), new TreeSet<>(kept).size(), "nothing twice");
                assertTrue(expected.containsAll(kept));
                try (AlertData data = AlertData.open(out, Survey.ZTF)) {
                    assertEquals(kept.size(), data.count());
                }

                Files.delete(filler);
                FinkPerfCli.Run rerun = cli(topic, out, group);
                assertEquals(0, rerun.exitCode(), rerun.stderr());
                assertEquals(expected, ids(out, "candid"), "every alert exactly once");
                try (AlertData data = AlertData.open(out, Survey.ZTF)) {
                    assertEquals(expected.size(), data.count());
                }
            }
        }
    }

    @Nested
    class BadInput {

        @Test
        void corruptMessageGivesDecodingErrorAndKeepsWhatWasWritten() throws Exception {
            TransferTopics.Fixture f = TransferTopics.ztf();
            String topic = newTopic("ztf");
            int[] perPartition = TransferTopics.load(kafka, topic, f.schema(), f.alerts(), 5);
            TransferTopics.send(kafka, topic, 0, new byte[] {0x00, 0x02, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            Path out = tmp.resolve("out");
            TransferException e = assertThrows(TransferException.class,
                    () -> transfer(request(topic, out, "g", PartitionBy.NONE, OutputFormat.PARQUET, 0, 2), CrashPoint.NONE));
            assertEquals(TransferException.Kind.DECODE, e.kind());
            assertTrue(e.getMessage().contains("partition 0 offset " + perPartition[0]), e.getMessage());
            List<Long> written = ids(out, "candid");
            assertEquals(f.alerts().size(), written.size(), "every good alert was written: " + written);
            assertEquals(written.size(), new TreeSet<>(written).size());
            FinkPerfCli.Run run = FinkPerfCli.run("transfer", "--topic", topic, "--outdir", out.toString(),
                    "--servers", kafka.servers(), "--group-id", "g", "--timeout", "20s");
            assertEquals(17, run.exitCode(), run.stderr());
            assertEquals(1, run.stderr().lines().filter(l -> l.startsWith("fink-perf:")).count(), run.stderr());
            assertEquals(written, ids(out, "candid"), "nothing doubled by the rerun");
        }

        @Test
        void unknownTopic() {
            FinkPerfCli.Run run = FinkPerfCli.run("transfer", "--topic", "ftransfer_ztf_2020-01-01_1", "--outdir",
                    tmp.resolve("o").toString(), "--servers", kafka.servers(), "--group-id", "g", "--timeout", "10s");
            assertEquals(15, run.exitCode(), run.stderr());
        }

        @Test
        void noSchemaMessage() throws Exception {
            String topic = newTopic("ztf");
            kafka.createTopics(Map.of(topic, 10, TopicSchemaReader.schemaTopic(topic), 1));
            FinkPerfCli.Run run = FinkPerfCli.run("transfer", "--topic", topic, "--outdir", tmp.resolve("o").toString(),
                    "--servers", kafka.servers(), "--group-id", "g", "--timeout", "5s");
            assertEquals(16, run.exitCode(), run.stderr());
            assertTrue(run.stderr().contains("no schema found"), run.stderr());
        }

        @Test
        void unreachableServersWithinTheTimeout() {
            long t0 = System.nanoTime();
            FinkPerfCli.Run run = FinkPerfCli.run("transfer", "--topic", "ftransfer_ztf_2020-01-01_1", "--outdir",
                    tmp.resolve("o").toString(), "--servers", "127.0.0.1:1", "--group-id", "g", "--timeout", "3s");
            assertEquals(14, run.exitCode(), run.stderr());
            assertTrue(System.nanoTime() - t0 < 30e9, "bounded wait");
        }
    }
}
