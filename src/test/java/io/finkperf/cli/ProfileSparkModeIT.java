package io.finkperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.data.TestData;
import io.finkperf.report.SparkDecompositionChart;
import io.finkperf.report.SparkDecompositionMarkdown;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunResults;
import io.finkperf.results.SparkFailure;
import io.finkperf.results.SparkModeResult;
import io.finkperf.results.SparkTimingCheck;
import io.finkperf.testing.FinkPerfCli;
import io.finkperf.testing.RunOnce;
import io.finkperf.testing.TestScience;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profile --mode spark}: the direct pass with its line profile, then the same modules in Spark on local[2]. */
class ProfileSparkModeIT extends RunOnce {

    @Override
    protected List<String> command(Path out) {
        return List.of("profile", "--mode", "spark", "--master", "local[2]", "--modules", "lc_features,slow_lc",
                "--loops", "2", "--warmup", "0", "--quiet", "--output", out.toString());
    }

    static SparkModeResult spark(ModuleResult m) {
        return m.extra().sparkResult();
    }

    @Test
    void resultsAreSparkModeWithOutputsEqualToDirectMode() {
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("spark", results.config().mode());
        assertEquals("spark local[2]", results.config().runner());
        for (ModuleResult m : results.modules()) {
            assertTrue(spark(m).equivalent(), m.name());
            assertEquals(spark(m).directOutputHash(), m.outputHash(), m.name());
            assertEquals(2, m.samplesNs().size(), m.name());
        }
    }

    @Test
    void pythonWorkersStartedInTheFirstLoopServeTheSecond() {
        for (ModuleResult m : results.modules()) {
            assertTrue(spark(m).pythonWorkerReuse());
            List<SparkModeResult.Loop> loops = spark(m).loops();
            // the first task of the module cannot find a worker; a later one of the same loop may
            assertTrue(loops.get(0).partitions().stream().anyMatch(p -> !p.reusedWorker()), m.name());
            for (SparkModeResult.Partition p : loops.get(1).partitions()) {
                assertTrue(p.reusedWorker(), m.name() + " loop 2");
            }
        }
    }

    @Test
    void theWorkersTimingsFitWhatTheExecutorObservedWithTheirCpuTimeReadFromOutside() {
        for (ModuleResult m : results.modules()) {
            SparkTimingCheck c = spark(m).timingCheck();
            assertEquals(2 * 2, c.tasks(), m.name());
            assertEquals(c.tasks(), c.tasksWithCpu(), m.name() + ": kept workers on the host, pid visible: " + c);
            assertTrue(c.observedOverReportedMin() >= 1, m.name() + ": " + c);
            assertTrue(c.unaccountedOverAllowedMax() < 1 && c.cpuOverAllowedMax() < 1, m.name() + ": " + c);
        }
    }

    @Test
    void lineProfileAndPeakMemoryComeFromTheDirectPass() throws IOException {
        ModuleResult slow = results.modules().stream().filter(m -> m.name().equals("slow_lc")).findFirst().orElseThrow();
        assertFalse(slow.lineProfile().functions().isEmpty());
        assertTrue(slow.peakRssBytes() > 0);
        assertTrue(Files.readString(out.resolve("line_profile_slow_lc.txt")).contains("slow_lc"));
    }

    @Test
    void sparkThroughputComesFromItsSamplesAndIsBelowDirect() {
        for (ModuleResult m : results.modules()) {
            double sparkRate = spark(m).throughputPerCore();
            double directRate = spark(m).directThroughputPerCore();
            double meanCoreSeconds = m.samplesNs().stream().mapToLong(Long::longValue).average().orElseThrow() / 1e9;
            assertEquals(m.nAlerts() / meanCoreSeconds, sparkRate, sparkRate * 1e-9, m.name() + ": samples are wall × cores");
            assertTrue(sparkRate < directRate, m.name() + ": " + sparkRate + " vs " + directRate);
        }
    }

    @Test
    void everyReportCarriesTheSparkPart() throws IOException {
        assertTrue(Files.exists(out.resolve(SparkDecompositionChart.FILE)));
        assertTrue(Files.readString(out.resolve(SparkDecompositionMarkdown.FILE)).contains("## slow_lc"));
        assertTrue(Files.readString(out.resolve("summary.md")).contains("## Spark mode vs direct"));
        assertTrue(Files.readString(out.resolve("index.html")).contains("id=\"spark\""));
    }

    @Test
    void aModuleThatOnlyFailsOnSparkSizedBatchesIsReportedAndTheNextStillRuns(@TempDir Path tmp) throws IOException {
        TestScience.module(tmp.resolve("science"), "sized", """
                import pandas as pd

                def needs_a_full_batch(cjd):
                    if len(cjd) < 50:
                        raise ValueError("needs 50 alerts, got %d" % len(cjd))
                    return pd.Series([float(len(x)) for x in cjd])

                def fine(cjd):
                    return pd.Series([float(len(x)) for x in cjd])
                """);
        Path registry = Files.writeString(tmp.resolve("sized.yaml"), """
                schema: fink-perf/registry/1
                survey: ztf
                modules:
                  - {name: sized, entry: "fink_science.ztf.sized.processor:needs_a_full_batch", type: feature, args: [cjd], output: s}
                  - {name: fine, entry: "fink_science.ztf.sized.processor:fine", type: feature, args: [cjd], output: f}
                """);
        Path out = tmp.resolve("out");
        FinkPerfCli.Run r = FinkPerfCli.run("profile", "--mode", "spark", "--science-dir", tmp.resolve("science").toString(),
                "--registry", registry.toString(), "--loops", "1", "--warmup", "0", "--no-line-profile", "--quiet",
                "--output", out.toString());

        assertEquals(ExitCode.MODULE_ERROR.code(), r.exitCode(), r.stderr());
        RunResults res = ResultsJson.read(out.resolve("results.json"));
        ModuleResult sized = res.module("sized").orElseThrow();
        assertFalse(sized.ok());
        assertTrue(sized.error().message().contains("failed in Spark mode") && sized.error().message().contains("needs 50 alerts, got 36"),
                sized.error().message());
        ModuleResult fine = res.module("fine").orElseThrow();
        assertTrue(fine.ok());
        assertTrue(spark(fine).equivalent());
        // both partitions of 36 alerts failed, and results.json says so
        List<String> errors = ((SparkFailure) sized.extra().spark()).errors();
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.stream().allMatch(e -> e.contains("needs 50 alerts, got 36")), errors.toString());
    }

    /** The class of every alert of a parquet file, read with parquet-avro (not Spark, which the run uses). */
    static Map<String, Long> classSizes(Path parquet, String column) throws IOException {
        Configuration conf = new Configuration();
        AvroReadSupport.setRequestedProjection(conf, SchemaBuilder.record("a").fields().optionalString(column).endRecord());
        Map<String, Long> sizes = new HashMap<>();
        try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(
                HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(parquet.toUri()), conf)).withConf(conf).build()) {
            for (GenericRecord g = r.read(); g != null; g = r.read()) {
                sizes.merge(String.valueOf(g.get(column)), 1L, Long::sum);
            }
        }
        return sizes;
    }

    @Test
    void aStratifiedSampleIsTheBatchOfBothPasses(@TempDir Path tmp) throws IOException {
        int perClass = 2;
        Map<String, Long> sizes = classSizes(TestData.ZTF_FTRANSFER, "cdsxmatch");
        long expected = sizes.values().stream().mapToLong(n -> Math.min(n, perClass)).sum();
        assertTrue(sizes.size() > 1 && expected < sizes.values().stream().mapToLong(Long::longValue).sum(), sizes.toString());

        Path out = tmp.resolve("out");
        FinkPerfCli.Run r = FinkPerfCli.run("profile", "--mode", "spark", "--master", "local[2]", "--modules", "lc_features",
                "--data", TestData.ZTF_FTRANSFER.toString(), "--sample-by", "cdsxmatch", "--per-class", String.valueOf(perClass),
                "--loops", "1", "--warmup", "0", "--no-line-profile", "--quiet", "--output", out.toString());

        assertEquals(0, r.exitCode(), r.stderr());
        RunResults res = ResultsJson.read(out.resolve("results.json"));
        assertEquals("spark", res.config().mode());
        assertEquals(expected, res.config().nAlerts());
        ModuleResult m = res.module("lc_features").orElseThrow();
        assertEquals(expected, m.nAlerts());
        assertTrue(spark(m).equivalent(), "Spark's outputs are the direct pass's, alert for alert");
        assertEquals(spark(m).directOutputHash(), m.outputHash());
        assertEquals(expected, spark(m).loops().get(0).partitions().stream().mapToLong(SparkModeResult.Partition::nRows).sum(),
                "Spark's tasks ran on the stratified batch");
    }

    @Test
    void shippingFoldersToContainedWorkersIsAUsageError() {
        FinkPerfCli.Run refused = FinkPerfCli.run("profile", "--mode", "spark", "--runner", "container", "--ship");
        assertEquals(ExitCode.USAGE.code(), refused.exitCode());
        assertTrue(refused.stderr().contains("--ship cannot be combined with --runner container"), refused.stderr());
    }
}
