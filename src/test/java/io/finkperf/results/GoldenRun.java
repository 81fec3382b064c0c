package io.finkperf.results;

import io.finkperf.testing.PythonVersions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic run with every section results.json can hold: a measured module with its line
 * profile, energy and the driver's raw energy object; one that timed out before measuring; one
 * measured in Spark mode; one that failed in Spark mode. Times, host and versions are fixed.
 */
final class GoldenRun {

    private GoldenRun() {
    }

    static RunResults run() {
        Map<String, Object> python = PythonVersions.bookworm(null);
        Environment env = new Environment("AMD EPYC 7763 64-Core Processor", 2, 24L << 30, "Linux 6.1", "17.0.13",
                "ci-host", "/work/science", "abc1234", "8.53.0", "datasets/ztf/sample.parquet", "ztf-raw", "ztf",
                python, Map.of("name", "local"));
        RunConfig config = new RunConfig("registry/examples-ztf.yaml", List.of("lc_features", "slow_lc", "early_classifier",
                "sized"), 72, 1, 3, 10000, 600, "spark local[2]", "spark");
        return new RunResults(RunResults.SCHEMA, "0.1.0", "2026-11-25T09:00:00Z", "2026-11-25T09:03:12Z", env, config,
                List.of(measured(), timedOut(), sparkMode(), sparkFailure()));
    }

    static ModuleResult measured() {
        LineProfile profile = new LineProfile(List.of(new FunctionProfile("fink_science/ztf/lc_features/processor.py",
                "extract_features", 10, 3_000_000L, List.of(
                        new LineStat(10, 0, 0, "def extract_features(cjd, cmagpsf):"),
                        new LineStat(11, 1, 250_000L, "    out = []"),
                        new LineStat(12, 72, 2_500_000L, "    for t, m in zip(cjd, cmagpsf):"),
                        new LineStat(13, 1, 250_000L, "    return pd.Series(out)")))));
        DriverEnergy raw = new DriverEnergy(DriverEnergy.FORMAT, 9_200_000L, 0.0091, 9_000_000L, 0.0002,
                80L << 20, 96L << 20, true, null,
                List.of(new DriverEnergy.RaplZone("intel-rapl:0", "package-0", 210_000L),
                        new DriverEnergy.RaplZone("intel-rapl:0:0", "dram", 30_000L)),
                List.of(new DriverEnergy.RaplZone("intel-rapl:0", "package-0", 90_000L),
                        new DriverEnergy.RaplZone("intel-rapl:0:0", "dram", 20_000L)),
                false, codecarbonAbsent());
        EnergyResult energy = new EnergyResult("rapl", "AMD EPYC 7763: 280 W / 64 cores", "table", 4.375, 0.375,
                0.0092, 216, 0.21, 0.03, 0.092, 0.0204, 1.4, "FR", 32.0, "RTE eco2mix 2023", 200_000, 365,
                List.of(), codecarbonAbsent());
        return ModuleResult.builder("lc_features", "feature", "fink_science.ztf.lc_features.processor:extract_features",
                        "lc_features")
                .nAlerts(72).nChunks(1).importNs(812_000_000L)
                .loops(List.of(3_400_000L), List.of(3_100_000L, 2_900_000L, 3_200_000L))
                .peakRssBytes(96L << 20).cpuSeconds(0.0088, 0.0003).output("sha256:5d41402abc4b2a76", "float64")
                .inputs(ordered("cjd", "data", "cmagpsf", "data"))
                .lineProfile(profile)
                .wallSeconds(2.5)
                .energyDriver(raw)
                .energy(energy)
                .timing(new ObservedTiming(ObservedTiming.JVM_ROUND_TRIP, 310_000L, List.of(210_000L, 190_000L, 310_000L, 205_000L),
                        List.of(3_450_000L, 3_260_000L, 3_540_000L), List.of(3_050_000L, 2_870_000L, 3_160_000L),
                        List.of("driver", "driver", "driver")))
                .build();
    }

    static ModuleResult timedOut() {
        return ModuleResult.builder("slow_lc", "feature", "fink_science.ztf.slow_lc.processor:slow_lc_score", "slow_lc")
                .failed(ModuleStatus.TIMEOUT, new ModuleError("timeout", null,
                        "module 'slow_lc' (fink_science.ztf.slow_lc.processor:slow_lc_score) timed out after 600 s (0 loops finished)",
                        null))
                .nAlerts(72).inputs(ordered("cjd", "data"))
                .wallSeconds(600.0)
                .build();
    }

    static ModuleResult sparkMode() {
        Map<String, Double> parts = new LinkedHashMap<>();
        Map<String, Double> detail = new LinkedHashMap<>();
        part(parts, detail, "Spark scheduling & partitioning", "idle cores during the job", 0.05);
        part(parts, detail, "Serialisation to/from Python", "Spark rows → batch files", 0.025);
        part(parts, detail, "Python process start, import & exit", "process start → module imported", 0.4);
        part(parts, detail, "Module compute", "module calls", 0.0125);
        part(parts, detail, "Collection of results", "job end → results on driver", 0.0025);
        parts.put("Unexplained", 0.01);
        SparkModeResult.Loop loop = new SparkModeResult.Loop(500_000_000L, 1_795_633_264_898L, 1_795_633_265_349L,
                List.of(new SparkModeResult.Task(0, "driver", "localhost", 1_795_633_264_905L, 1_795_633_265_309L, 8, 387, 0, 0),
                        new SparkModeResult.Task(1, "driver", "localhost", 1_795_633_264_906L, 1_795_633_265_348L, 8, 428, 0, 0)),
                List.of(new SparkModeResult.Partition(0, 36, 383_592_599L, 18_070_416L, 308_286_403L, 15_700_409L,
                                290_141_025L, 2_444_969L, 3_529_844L, 12_500_000L, 153_639L, 48_724_251L, 1_025_236L,
                                1_505_380L, false),
                        new SparkModeResult.Partition(1, 36, 424_448_608L, 14_254_907L, 309_058_342L, 30_523_041L,
                                271_883_300L, 6_652_001L, 7_713_761L, 12_500_000L, 94_170L, 89_562_765L, 455_568L,
                                995_331L, true)));
        SparkModeResult spark = new SparkModeResult("local[2]", true, 0, 1, 2.0, 0.0, 2, 2, 2,
                "wall ns x coresUsed per loop", 0.5, 72.0, 72.0, 24_000.0, 333.3333333333333, 0.025, 0.003, Double.NaN,
                8.333333333333334, "sha256:e3b0c44298fc1c14", "sha256:e3b0c44298fc1c14", true,
                "sha256 of the canonical output stream (output_hash.py), partitions concatenated in order",
                new SparkModeResult.Decomposition(0.5, parts, detail, 0.49, 0.02, true), List.of(loop),
                new SparkTimingCheck(2, 1, 0, 1.3125, 1.0625, 0.25, 0.5, null));
        return ModuleResult.builder("early_classifier", "ml", "fink_science.ztf.early_classifier.processor:classify",
                        "early_classifier")
                .nAlerts(72).nChunks(2).importNs(1_250_000_000L)
                .loops(List.of(), List.of(1_000_000_000L))
                .peakRssBytes(420L << 20).output("sha256:e3b0c44298fc1c14", "float64")
                .inputs(ordered("cjd", "data", "lc_features", "module:lc_features"))
                .spark(spark)
                .build();
    }

    static ModuleResult sparkFailure() {
        return ModuleResult.builder("sized", "feature", "fink_science.ztf.sized.processor:needs_a_full_batch", "s")
                .failed(ModuleStatus.ERROR, new ModuleError("spark_worker", null,
                        "module 'sized' failed in Spark mode: partition 0: ValueError: needs 50 alerts, got 36", null))
                .nAlerts(72).inputs(ordered("cjd", "data"))
                .spark(new SparkFailure(List.of("ValueError: needs 50 alerts, got 36", "ValueError: needs 50 alerts, got 36")))
                .build();
    }

    /** A part of the Spark decomposition whose seconds all come from one detail. */
    private static void part(Map<String, Double> parts, Map<String, Double> detail, String part, String what, double s) {
        parts.put(part, s);
        detail.put(part + " / " + what, s);
    }

    private static Map<String, Object> codecarbonAbsent() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("available", false);
        m.put("version", null);
        m.put("reason", "codecarbon not importable (ModuleNotFoundError)");
        return m;
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
