package io.finkperf.runner.container;

import static io.finkperf.testing.JsonArrays.longs;
import static io.finkperf.testing.TestFiles.copyTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Container;
import io.finkperf.runner.DriverArg;
import io.finkperf.runner.DriverEvent;
import io.finkperf.runner.DriverOutcome;
import io.finkperf.runner.DriverSpec;
import io.finkperf.runner.DriverSpecFile;
import io.finkperf.runner.ProgressListener;
import io.finkperf.runner.RecordingListener;
import io.finkperf.runner.RunnerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * The container runner against a real engine (podman's Docker API on CI: source
 * scripts/podman-env.sh first) and the registry-free test image scripts/build-test-image.sh builds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerRunnerIT {

    static final String IMAGE = System.getProperty("finkperf.testImage", "fink-perf-test-python:bookworm");
    static final Path PROJECT = Path.of(System.getProperty("finkperf.projectDir", ".")).toAbsolutePath();
    static final Path DRIVER = PROJECT.resolve("python/fink_perf_driver");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FIXTURES = "fink_science.ctr_fixtures.processor:";

    @TempDir
    static Path work;
    Path science;
    Path batch;
    ContainerOptions options;
    ContainerRunner runner;

    @BeforeAll
    void startRunnerAndWriteBatch() throws Exception {
        requireEngine();
        options = ContainerOptions.defaults().withImage(IMAGE).withPull(ContainerOptions.Pull.NEVER);
        runner = new ContainerRunner(options, DRIVER);
        science = copyTree(resource("container/science"), work.resolve("science"));
        batch = work.resolve("batch");
        writeBatch(batch);
    }

    @AfterAll
    void closeRunner() {
        if (runner != null) {
            runner.close();
        }
    }

    /** Not skipped silently: without an engine the ITs fail, saying what to do. */
    static void requireEngine() {
        String host = System.getenv("DOCKER_HOST");
        if (host == null || host.isBlank()) {
            if ("1".equals(System.getenv("FINK_PERF_SKIP_CONTAINER_TESTS"))) {
                Assumptions.abort("FINK_PERF_SKIP_CONTAINER_TESTS=1: container ITs skipped");
            }
            fail("DOCKER_HOST is not set: run `source scripts/podman-env.sh` before the container ITs "
                    + "(or set FINK_PERF_SKIP_CONTAINER_TESTS=1 to skip them deliberately)");
        }
    }

    @Test
    void probeNamesEveryMissingPackageOfTheImageAtOnce() {
        io.finkperf.runner.PackageProbe probe = runner.probePackages(
                List.of("numpy", "pandas", "not_a_real_pkg_a", "not_a_real_pkg_b"));
        assertEquals(List.of("not_a_real_pkg_a", "not_a_real_pkg_b"), probe.missing());
        assertEquals(Set.of("numpy", "pandas"), probe.present().keySet());
        assertNotNull(probe.present().get("numpy"), "numpy's version from the image");
    }

    @Test
    void runsModuleWithSamplesLineProfileAndHostEqualOutput() throws Exception {
        RecordingListener listener = new RecordingListener();
        DriverSpec spec = spec("doubled", FIXTURES + "doubled", List.of(DriverArg.column("x")), 3, null);

        DriverOutcome outcome = runner.run(spec, listener);

        assertEquals(DriverOutcome.Status.OK, outcome.status(), () -> outcome.errorLine() + " " + listener.lines);
        assertEquals(0, outcome.exitCode());
        assertEquals(3, outcome.samplesSeenNs().size());
        assertEquals(1, outcome.warmupSeenNs().size());
        JsonNode result = outcome.result();
        assertNotNull(result, "result JSON read back");
        assertEquals(200, result.path("n_alerts").asInt());
        assertEquals(4, result.path("n_chunks").asInt());
        assertEquals(outcome.samplesSeenNs(), longs(result.path("samples_ns")));
        assertTrue(Files.isRegularFile(spec.resultFile()), "result copied to the host path");
        assertTrue(listener.events.stream().anyMatch(DriverEvent::isMeasuredLoop));
        JsonNode fn = function(result, "doubled");
        assertTrue(fn.path("lines").size() >= 3, fn::toString);
        assertTrue(Stream.of(fn.path("lines")).flatMap(ls -> ls.findValues("hits").stream())
                .anyMatch(h -> h.asLong() > 0), "some lines were hit");
        String hash = result.path("output_hash").asText("");
        assertFalse(hash.isEmpty());
        assertNoStagingLeft(spec.resultFile().getParent());

        assertEquals(hash, hostRun(spec).path("output_hash").asText(), "same output as on the host");
    }

    @Test
    void runsBundledExampleModule() throws Exception {
        Path examples = PROJECT.resolve("examples/science");
        Assumptions.assumeTrue(Files.isDirectory(examples.resolve("fink_science/ztf/slow_lc")),
                "examples/science/fink_science/ztf/slow_lc not written yet");
        DriverSpec spec = new DriverSpec("slow_lc", "fink_science.ztf.slow_lc.processor:slow_lc_score",
                examples, batch, List.of(DriverArg.column("cjd"), DriverArg.column("cmagpsf")), 1, 2, true,
                work.resolve("out/slow_lc.result.json"), work.resolve("out/save-slow_lc"), "slow_lc_score",
                Duration.ofMinutes(2), "pandas_udf");

        DriverOutcome outcome = runner.run(spec, ProgressListener.SILENT);

        assertEquals(DriverOutcome.Status.OK, outcome.status(), outcome::errorLine);
        assertEquals(2, outcome.samplesSeenNs().size());
        assertFalse(outcome.result().path("line_profile").isEmpty());
        assertTrue(Files.isRegularFile(spec.saveOutputDir().resolve("manifest.json")), "module output saved");
        assertEquals(outcome.result().path("output_hash").asText(), hostRun(spec).path("output_hash").asText());
    }

    @Test
    void moduleCannotWriteIntoScienceOrBatchFolders() {
        DriverSpec spec = spec("write_outside", FIXTURES + "write_outside", List.of(DriverArg.column("x")), 1, null);

        DriverOutcome outcome = runner.run(spec, ProgressListener.SILENT);

        assertEquals(DriverOutcome.Status.MODULE_ERROR, outcome.status());
        assertTrue(outcome.errorLine().contains("2 of 2 writes refused"), outcome.errorLine());
        assertTrue(outcome.errorLine().contains("EROFS"), outcome.errorLine());
        assertFalse(Files.exists(science.resolve("fink_science/ctr_fixtures/escaped.txt")));
        assertFalse(Files.exists(batch.resolve("escaped.txt")));
    }

    @Test
    void timeoutKillsContainerAndKeepsLoopsSeen() {
        Set<String> before = containerIds();
        DriverSpec spec = new DriverSpec("sleepy", FIXTURES + "sleepy", science, batch,
                List.of(DriverArg.column("x")), 1, 50, false, work.resolve("out/sleepy.result.json"), null,
                null, Duration.ofSeconds(6), "pandas_udf");

        DriverOutcome outcome = runner.run(spec, ProgressListener.SILENT);

        assertEquals(DriverOutcome.Status.TIMEOUT, outcome.status(), outcome::errorLine);
        // 4 chunks of 0.5 s a loop: the warmup and at least one measured loop fit in 6 s, 50 don't
        assertEquals(1, outcome.warmupSeenNs().size());
        assertTrue(outcome.samplesSeenNs().size() >= 1 && outcome.samplesSeenNs().size() < 50,
                () -> "samples " + outcome.samplesSeenNs());
        assertTrue(outcome.samplesSeenNs().get(0) >= TimeUnit.MILLISECONDS.toNanos(1900));
        assertTrue(outcome.wallTime().compareTo(Duration.ofSeconds(20)) < 0, "killed, not run to the end");
        assertEquals(before, containerIds(), "the container was removed");
    }

    @Test
    void memoryLimitGivesOutOfMemory() {
        try (ContainerRunner limited = new ContainerRunner(options.withMemory("256m").withCpus(1.0), DRIVER)) {
            DriverSpec spec = spec("hog", FIXTURES + "hog", List.of(DriverArg.column("x")), 1, Duration.ofMinutes(2));

            DriverOutcome outcome = limited.run(spec, ProgressListener.SILENT);

            assertEquals(DriverOutcome.Status.OUT_OF_MEMORY, outcome.status(), outcome::errorLine);
            assertEquals(137, outcome.exitCode());
            assertTrue(outcome.errorLine().startsWith("out of memory"), outcome.errorLine());
        }
    }

    @Nested
    class Environment {

        @Test
        void reportsImageAndPythonVersions() {
            long t0 = System.nanoTime();
            Map<String, Object> env = runner.environment();
            System.out.printf("container runner: environment() took %d ms%n", (System.nanoTime() - t0) / 1_000_000);

            assertEquals("container", env.get("runner"));
            assertEquals(IMAGE, env.get("image"));
            assertTrue(String.valueOf(env.get("image_id")).matches("(sha256:)?[0-9a-f]{64}"), env::toString);
            @SuppressWarnings("unchecked")
            Map<String, Object> python = (Map<String, Object>) env.get("python");
            assertTrue(String.valueOf(python.get("python")).startsWith("3."), env::toString);
            assertNotNull(python.get("numpy"));
            assertNotNull(python.get("pandas"));
            assertNotNull(python.get("line_profiler"));
        }

        @Test
        void checksPackagesInsideTheImage() {
            runner.checkPackages(List.of("numpy", "pandas", "sklearn", "astropy"));
            RunnerException e = assertThrows(RunnerException.class,
                    () -> runner.checkPackages(List.of("numpy", "no_such_package_xyz")));
            assertEquals(RunnerException.Kind.PACKAGE_MISSING, e.kind());
            assertTrue(e.getMessage().contains("no_such_package_xyz"), e.getMessage());
        }

        @Test
        void missingImageWithPullNever() {
            RunnerException e = assertThrows(RunnerException.class, () -> new ContainerRunner(
                    options.withImage("fink-perf-no-such-image:0"), DRIVER));
            assertEquals(RunnerException.Kind.IMAGE_MISSING, e.kind());
            assertEquals("image 'fink-perf-no-such-image:0' not found locally and --pull never is set",
                    e.getMessage());
        }

        @Test
        void unreachableEngine() {
            String host = "unix://" + work.resolve("no-engine.sock");
            RunnerException e = assertThrows(RunnerException.class,
                    () -> new ContainerRunner(options.withDockerHost(host), DRIVER));
            assertEquals(RunnerException.Kind.ENGINE_UNAVAILABLE, e.kind());
            assertTrue(e.getMessage().contains("DOCKER_HOST=" + host), e.getMessage());
        }
    }

    // ---- helpers

    DriverSpec spec(String module, String entry, List<DriverArg> args, int loops, Duration timeout) {
        return new DriverSpec(module, entry, science, batch, args, 1, loops, true,
                work.resolve("out/" + module + ".result.json"), null, null, timeout, "pandas_udf");
    }

    /** The same spec through the host's Python directly, for comparison. */
    JsonNode hostRun(DriverSpec containerSpec) throws Exception {
        Path out = work.resolve("host");
        DriverSpec spec = containerSpec.relocate(containerSpec.scienceDir(), containerSpec.batchDir(),
                out.resolve(containerSpec.module() + ".result.json"),
                containerSpec.saveOutputDir() == null ? null : out.resolve("save-" + containerSpec.module()));
        Path specFile = DriverSpecFile.write(spec, out.resolve(containerSpec.module() + ".spec.json"));
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "-m", "fink_perf_driver", "run", specFile.toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("host.log").toFile());
        pb.environment().put("PYTHONPATH", DRIVER.getParent().toString());
        int exit = pb.start().waitFor();
        String log = Files.readString(out.resolve("host.log"));
        Assumptions.assumeFalse(log.contains("No module named 'pandas'"),
                "host /usr/bin/python3 has no pandas: cannot compare with a host run");
        assertEquals(0, exit, log);
        return JSON.readTree(spec.resultFile().toFile());
    }

    void writeBatch(Path dir) throws IOException {
        Files.createDirectories(dir.getParent());
        Path script = resource("container/write_batch.py");
        ContainerUser user = ContainerUser.current();
        user.grantWrite(dir.getParent());
        OneShotContainer one = new OneShotContainer(ContainerEngine.connect(options), options, user);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        OneShotContainer.Exit exit = one.run(List.of("python3", "/opt/fink-perf/write_batch.py", "/w/batch"),
                Map.of("PYTHONPATH", "/opt/fink-perf"),
                List.of(new OneShotContainer.Mount(dir.getParent(), "/w", false),
                        new OneShotContainer.Mount(DRIVER, "/opt/fink-perf/fink_perf_driver", true),
                        new OneShotContainer.Mount(script, "/opt/fink-perf/write_batch.py", true)),
                "/", Duration.ofMinutes(2), (err, line) -> lines.add(line));
        assertEquals(0, exit.exitCode(), () -> "writing the test batch: " + lines);
    }

    static JsonNode function(JsonNode result, String name) {
        for (JsonNode fn : result.path("line_profile").path("functions")) {
            if (name.equals(fn.path("name").asText())) {
                return fn;
            }
        }
        return fail("no line profile of " + name + " in " + result.path("line_profile"));
    }

    static Set<String> containerIds() {
        return DockerClientFactory.instance().client().listContainersCmd().withShowAll(true).exec().stream()
                .map(Container::getId).collect(Collectors.toSet());
    }

    static void assertNoStagingLeft(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().contains("-container-")).toList());
        }
    }

    static Path resource(String name) {
        Path p = PROJECT.resolve("src/test/resources").resolve(name);
        assertTrue(Files.exists(p), p::toString);
        return p;
    }
}
