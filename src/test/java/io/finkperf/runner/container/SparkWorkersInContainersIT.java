package io.finkperf.runner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.ModuleResult;
import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunResults;
import io.finkperf.results.SparkModeResult;
import io.finkperf.testing.FinkPerfCli;
import io.finkperf.testing.TestScience;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profile --mode spark --runner container}: the direct pass in containers (Testcontainers), then
 * the Spark tasks' Python workers in containers of the same image (the engine's CLI). The module
 * answers 1.0 where fink-perf's containers set FINK_PERF_IN_CONTAINER and 0.0 elsewhere, so equal
 * outputs mean both passes ran contained, and the same module on the host (the control) differs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkWorkersInContainersIT {

    record Run(int exitCode, String stderr, RunResults results) {
    }

    Run contained;
    Run onHost;

    @BeforeAll
    void runBoth(@TempDir Path tmp) throws IOException {
        ContainerRunnerIT.requireEngine();
        TestScience.module(tmp.resolve("science"), "where", """
                import os
                import pandas as pd

                def contained(cjd):
                    inside = os.environ.get("FINK_PERF_IN_CONTAINER") == "1"
                    return pd.Series([float(inside)] * len(cjd))
                """);
        Path registry = Files.writeString(tmp.resolve("where.yaml"), """
                schema: fink-perf/registry/1
                survey: ztf
                modules:
                  - {name: where, entry: "fink_science.ztf.where.processor:contained", type: flag, args: [cjd], output: w}
                """);
        List<String> common = List.of("--science-dir", tmp.resolve("science").toString(), "--registry", registry.toString(),
                "--loops", "2", "--warmup", "0", "--no-line-profile", "--quiet");
        contained = profile(tmp.resolve("contained"), common, "--mode", "spark", "--runner", "container",
                "--image", ContainerRunnerIT.IMAGE, "--pull", "never");
        onHost = profile(tmp.resolve("host"), common, "--runner", "local");
    }

    private static Run profile(Path out, List<String> common, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("profile", "--output", out.toString()));
        args.addAll(common);
        args.addAll(List.of(more));
        FinkPerfCli.Run run = FinkPerfCli.run(args);
        return new Run(run.exitCode(), run.stderr(), ResultsJson.read(out.resolve("results.json")));
    }

    static SparkModeResult spark(ModuleResult m) {
        return m.extra().sparkResult();
    }

    @Test
    void bothPassesRunContainedAndAgree() {
        assertEquals(0, contained.exitCode(), contained.stderr());
        ModuleResult m = contained.results().module("where").orElseThrow();
        assertEquals("spark", contained.results().config().mode());
        assertTrue(spark(m).equivalent(), String.valueOf(spark(m)));
        assertEquals(2, m.samplesNs().size());
    }

    @Test
    void theSameModuleOnTheHostGivesOtherOutputs() {
        assertEquals(0, onHost.exitCode(), onHost.stderr());
        ModuleResult host = onHost.results().module("where").orElseThrow();
        ModuleResult inside = contained.results().module("where").orElseThrow();
        assertNotEquals(host.outputHash(), inside.outputHash(), "the control: 0.0 on the host, 1.0 in a container");
    }

    @Test
    void workersWereReusedInsideTheirContainers() {
        ModuleResult m = contained.results().module("where").orElseThrow();
        List<SparkModeResult.Partition> second = spark(m).loops().get(1).partitions();
        assertTrue(second.stream().allMatch(SparkModeResult.Partition::reusedWorker), String.valueOf(second));
    }
}
