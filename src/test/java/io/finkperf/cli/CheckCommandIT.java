package io.finkperf.cli;

import static io.finkperf.testing.ModuleAssertions.assertFailed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.finkperf.results.ModuleReadiness;
import io.finkperf.results.ModuleReadiness.Verdict;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.Readiness;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunResults;
import io.finkperf.testing.FinkPerfCli;
import io.finkperf.testing.FinkPerfCli.Run;
import io.finkperf.testing.TestScience;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} and the same check before {@code profile}, on a throw-away science folder whose
 * modules miss known packages and files, need the network, or depend on a module that cannot run.
 */
class CheckCommandIT {

    private static final String PROCESSOR = """
            import pandas as pd
            from pyspark.sql.functions import pandas_udf
            from pyspark.sql.types import DoubleType

            @pandas_udf(DoubleType())
            def npoints(cjd):
                return pd.Series([float(len(x)) for x in cjd])

            @pandas_udf(DoubleType())
            def plus(cjd, xm):
                return pd.Series([float(len(x)) for x in cjd])
            """;

    @TempDir
    Path tmp;
    Path science;
    Path registry;

    @BeforeEach
    void scienceDir() throws IOException {
        science = tmp.resolve("science");
        Path pkg = TestScience.module(science, "mods", PROCESSOR);
        Files.writeString(pkg.resolve("broken.py"), "import not_a_real_package_xyz\ndef f(cjd):\n    return cjd\n");
        Files.createDirectories(science.resolve("fink_science/data/models"));
        Files.writeString(science.resolve("fink_science/data/models/present.pkl"), "model");
        registry = tmp.resolve("reg.yaml");
        Files.writeString(registry, """
                schema: fink-perf/registry/1
                survey: ztf
                modules:
                  - name: needs_much
                    entry: "fink_science.ztf.mods.processor:npoints"
                    type: ml
                    args: [cjd]
                    output: a
                    packages: [numpy, not_a_real_pkg_a, not_a_real_pkg_b]
                    files: [fink_science/data/models/present.pkl, fink_science/data/models/absent.pkl,
                            fink_science/data/catalogs/absent.parquet]
                  - name: only_files
                    entry: "fink_science.ztf.nosuchmodule.processor:f"
                    type: ml
                    args: [cjd]
                    output: b
                    files: [fink_science/data/models/absent.pkl]
                  - name: online
                    entry: "fink_science.ztf.mods.processor:npoints"
                    type: xmatch
                    args: [cjd]
                    output: xm
                    packages: [numpy]
                    network: true
                  - name: dependent
                    entry: "fink_science.ztf.mods.processor:plus"
                    type: ml
                    args: [cjd, xm]
                    output: d
                  - name: frame
                    entry: "fink_science.ztf.mods.processor:npoints"
                    type: flag
                    call: dataframe
                    args: []
                    output: f
                  - name: broken
                    entry: "fink_science.ztf.mods.broken:f"
                    type: feature
                    args: [cjd]
                    output: br
                  - name: fine
                    entry: "fink_science.ztf.mods.processor:npoints"
                    type: feature
                    args: [cjd]
                    output: n
                """);
    }

    private Run check(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--science-dir", science.toString(),
                "--registry", registry.toString()));
        args.addAll(List.of(more));
        return FinkPerfCli.run(args);
    }

    @Nested
    class Check {

        @Test
        void listsEveryMissingPackageAndFileOfEveryModuleAtOnce() {
            Run r = check("--offline");
            assertEquals(7, r.exitCode(), "the first module that cannot run misses packages: " + r.stderr());
            String needsMuch = r.stdout().lines().filter(l -> l.startsWith("needs_much ")).findFirst().orElseThrow();
            assertTrue(needsMuch.contains("missing"), needsMuch);
            assertTrue(needsMuch.contains("packages not_a_real_pkg_a, not_a_real_pkg_b;"), needsMuch);
            assertTrue(needsMuch.contains("files fink_science/data/models/absent.pkl, fink_science/data/catalogs/absent.parquet"),
                    needsMuch);
            assertTrue(!needsMuch.contains("numpy") && !needsMuch.contains("present.pkl"), needsMuch);
            String onlyFiles = r.stdout().lines().filter(l -> l.startsWith("only_files ")).findFirst().orElseThrow();
            assertTrue(onlyFiles.contains("files fink_science/ztf/nosuchmodule/processor.py, fink_science/data/models/absent.pkl"),
                    onlyFiles);
            assertTrue(r.stdout().contains("3 of 7 modules can run; 4 cannot (runner local, offline)"), r.stdout());
        }

        @Test
        void jsonSaysTheSameTyped() throws IOException {
            Run r = check("--offline", "--json");
            Readiness rd = ResultsJson.mapper().readValue(r.stdout(), Readiness.class);
            assertEquals(Readiness.SCHEMA, rd.schema());
            assertEquals(List.of("needs_much", "only_files", "online", "dependent", "frame", "broken", "fine"),
                    rd.modules().stream().map(ModuleReadiness::module).toList());
            ModuleReadiness m = rd.module("needs_much").orElseThrow();
            assertEquals(Verdict.MISSING, m.verdict());
            assertEquals(List.of("not_a_real_pkg_a", "not_a_real_pkg_b"), m.missingPackages());
            assertEquals(2, m.missingFiles().size());
            assertEquals(Verdict.NEEDS_NETWORK, rd.module("online").orElseThrow().verdict());
            assertEquals(Verdict.NOT_SUPPORTED, rd.module("frame").orElseThrow().verdict());
            assertEquals(Verdict.RUNNABLE, rd.module("fine").orElseThrow().verdict());
            JsonNode raw = ResultsJson.mapper().readTree(r.stdout());
            assertEquals("needs network", raw.path("modules").get(2).path("status").asText());
        }

        @Test
        void onlineTheNetworkModuleIsRunnableAndOnlyFileMissesGiveExit19() throws IOException {
            Files.writeString(registry, Files.readString(registry).replace("not_a_real_pkg_a, not_a_real_pkg_b", "numpy"));
            Run r = check("--no-offline", "--modules", "needs_much,online");
            assertEquals(19, r.exitCode(), r.stdout() + r.stderr());
            assertTrue(r.stdout().lines().anyMatch(l -> l.startsWith("online ") && l.contains("runnable")), r.stdout());
        }
    }

    @Test
    void profileRunsWhatCanRunAndSaysWhyTheRestDidNot() throws IOException {
        Path out = tmp.resolve("out");
        Run r = FinkPerfCli.run("profile", "--science-dir", science.toString(), "--registry", registry.toString(),
                "--output", out.toString(), "--offline", "--loops", "2", "--warmup", "0", "--quiet",
                "--no-line-profile", "--energy-baseline-max", "0");
        assertEquals(7, r.exitCode(), r.stderr());
        RunResults res = ResultsJson.read(out.resolve("results.json"));

        assertFailed(res, "needs_much", ModuleStatus.MISSING_PACKAGE, "not_a_real_pkg_a, not_a_real_pkg_b; files ");
        assertEquals(ModuleStatus.MISSING_FILE, res.module("only_files").orElseThrow().status());
        assertFailed(res, "online", ModuleStatus.NEEDS_NETWORK, "needs network");
        // its input comes from a skipped module
        assertFailed(res, "dependent", ModuleStatus.SKIPPED, "'xm' comes from module 'online', which was not run (needs network)");
        assertEquals(ModuleStatus.SKIPPED, res.module("frame").orElseThrow().status());
        assertEquals(ModuleStatus.OK, res.module("fine").orElseThrow().status());
        assertEquals(2, res.module("fine").orElseThrow().samplesNs().size());

        ModuleResult broken = res.module("broken").orElseThrow();
        assertEquals(ModuleStatus.MISSING_PACKAGE, broken.status(), "failed at import: " + broken.error());
        JsonNode json = ResultsJson.mapper().readTree(out.resolve("results.json").toFile());
        for (JsonNode m : json.path("modules")) {
            if (m.path("name").asText().equals("broken") || m.path("name").asText().equals("online")) {
                assertTrue(m.path("peakRssBytes").isNull(), m.toString());
                assertTrue(m.path("timeStats").isNull(), m.toString());
                assertTrue(m.path("throughputStats").isNull(), m.toString());
            }
            if (m.path("name").asText().equals("fine")) {
                assertTrue(m.path("peakRssBytes").asLong() > 0, m.toString());
                assertEquals(2, m.path("timeStats").path("n").asInt(), m.toString());
            }
        }
    }
}
