package io.finkperf.security;

import static io.finkperf.testing.JsonArrays.longs;
import static io.finkperf.testing.TestFiles.copyTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.finkperf.batch.BatchColumnMerger;
import io.finkperf.files.UntrustedFiles;
import io.finkperf.engine.GitHead;
import io.finkperf.runner.DriverArg;
import io.finkperf.results.ObservedTiming;
import io.finkperf.results.ScaleMeasurementTiming;
import io.finkperf.results.ScaleTiming;
import io.finkperf.runner.DriverOutcome;
import io.finkperf.runner.DriverSpec;
import io.finkperf.runner.ModuleRunner;
import io.finkperf.runner.RecordingListener;
import io.finkperf.runner.ScaleSpec;
import io.finkperf.runner.container.ContainerOptions;
import io.finkperf.runner.container.ContainerRunner;
import io.finkperf.runner.local.LocalRunner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13's attacks, each by a hostile module (src/test/resources/attacks), through the container
 * runner (podman, the shared test image) and the local runner where the attack applies: the host is
 * untouched, the outcome is the documented error, and an honest module run after them is intact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackSuiteIT {

    static final String IMAGE = System.getProperty("finkperf.testImage", "fink-perf-test-python:bookworm");
    static final Path PROJECT = Path.of(System.getProperty("finkperf.projectDir", ".")).toAbsolutePath();
    static final Path DRIVER = PROJECT.resolve("python/fink_perf_driver");
    static final String ATTACKS = "fink_science.attacks.processor:";
    static final String SECRET = "host secret 7f3a";
    static final int LOOPS = 3;
    static final String PYTHON = io.finkperf.runner.local.PythonLocator.find(null);

    @TempDir
    static Path work;
    Path science;
    Path batch;
    Path trap;
    ContainerOptions options;
    ContainerRunner container;
    LocalRunner local;
    Map<String, String> ciEnvironment;

    @BeforeAll
    void setUp() throws Exception {
        requireEngine();
        science = copyTree(PROJECT.resolve("src/test/resources/attacks/science"), work.resolve("science"));
        batch = work.resolve("batch");
        writeBatch(batch);
        trap = Files.createDirectories(work.resolve("trap"));
        Files.writeString(trap.resolve("secret.txt"), SECRET);
        Files.createDirectories(trap.resolve("secret-chunk"));
        Files.writeString(trap.resolve("secret-chunk/out.values.npy"), SECRET);
        Files.createDirectories(trap.resolve("dotdot-target"));
        Files.writeString(trap.resolve("github_env"), "KEEP=1\n");
        options = ContainerOptions.defaults().withImage(IMAGE).withPull(ContainerOptions.Pull.NEVER);
        container = new ContainerRunner(options, DRIVER);
        ciEnvironment = new HashMap<>(System.getenv());
        ciEnvironment.putAll(Map.of("GITHUB_TOKEN", "ghs_fake", "ACTIONS_RUNTIME_TOKEN", "fake",
                "GITHUB_ENV", trap.resolve("github_env").toString(), "RUNNER_TEMP", "/tmp", "MY_SECRET_KEY", "x"));
        local = new LocalRunner(PYTHON, PROJECT.resolve("python"), 4L << 30, ciEnvironment);
    }

    @AfterAll
    void tearDown() {
        if (container != null) {
            container.close();
        }
    }

    ModuleRunner runner(String name) {
        return name.equals("container") ? container : local;
    }

    /**
     * A forged result file; a driver clock slowed to report less than the kernel's timestamps show; a
     * fake run consistent with the kernel's stamps, which the CPU time of its main thread gives away.
     */
    static Stream<Arguments> lies() {
        return Stream.of("container", "local").flatMap(runner -> Stream.of(
                arguments(runner, "forge_result", "not those announced on the control channel"),
                arguments(runner, "slow_clock", "fink-perf observed"),
                arguments(runner, "fake_run", "main thread ran")));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("lies")
    void aLyingDriverIsNotTrustedAndKeepsNoSample(String runner, String attack, String why) {
        DriverOutcome o = run(runner, attack, List.of(), null);

        assertEquals(DriverOutcome.Status.UNTRUSTED, o.status(), o::errorLine);
        assertTrue(o.errorLine().contains(why), o.errorLine());
        assertEquals(List.of(), o.samplesSeenNs(), "no forged or unverified sample is kept");
        assertNull(o.result());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"container", "local"})
    void resultLinkedToAHostFileIsNeverRead(String runner) throws IOException {
        RecordingListener listener = new RecordingListener();
        DriverOutcome o = run(runner, "symlink_result", List.of(DriverArg.literal(trap.resolve("secret.txt").toString())),
                null, listener);

        assertEquals(DriverOutcome.Status.UNTRUSTED, o.status(), o::errorLine);
        assertTrue(o.errorLine().contains("symbolic link"), o.errorLine());
        Path hostResult = resultFile("symlink_result-" + runner);
        assertFalse(Files.exists(hostResult, java.nio.file.LinkOption.NOFOLLOW_LINKS), "nothing left at " + hostResult);
        assertFalse(o.errorLine().contains(SECRET));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"container", "local"})
    void anEarlyExitWithCodeZeroIsIncomplete(String runner) {
        DriverOutcome o = run(runner, "early_exit", List.of(), null);

        assertEquals(DriverOutcome.Status.INCOMPLETE, o.status(), o::errorLine);
        assertEquals(1, o.samplesSeenNs().size());
        assertTrue(o.errorLine().contains("1 of " + LOOPS), o.errorLine());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"container", "local"})
    void printedFakeEventsAndWorkflowCommandsAreOnlyText(String runner) {
        RecordingListener listener = new RecordingListener();
        DriverOutcome o = runToTheEnd(runner, "fake_events", listener);

        assertEquals(LOOPS, o.samplesSeenNs().size());
        assertFalse(o.samplesSeenNs().contains(1L), o.samplesSeenNs()::toString);
        assertEquals(LOOPS, listener.events.stream().filter(e -> e.isMeasuredLoop()).count());
        assertTrue(listener.lines.stream().anyMatch(l -> l.contains("@@fink-perf")), "shown as module output");
        assertTrue(listener.lines.stream().anyMatch(l -> l.contains("error title=pwned")));
        assertTrue(listener.lines.stream().noneMatch(l -> l.contains("::") || l.contains("##[")),
                listener.lines::toString);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"container", "local"})
    void aHugeLineIsCutNotBuffered(String runner) {
        RecordingListener listener = new RecordingListener();
        runToTheEnd(runner, "huge_line", listener);

        assertTrue(listener.lines.stream().allMatch(l -> l.length() < 4200), "every line bounded");
        assertTrue(listener.lines.stream().anyMatch(l -> l.contains("more bytes cut")), listener.lines::toString);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"container", "local"})
    void sigkillIsReportedAsASignalNotAsOutOfMemory(String runner) {
        DriverOutcome o = run(runner, "kill_self", List.of(), null);

        assertEquals(DriverOutcome.Status.KILLED, o.status(), o::errorLine);
        assertEquals("killed by signal 9 (SIGKILL)", o.errorLine());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"container", "local"})
    void aManifestPointingOutsideWithDotDotWritesNothing(String runner) throws IOException {
        Path target = trap.resolve("dotdot-target");
        savedColumnIsRefused(runner, "manifest_dotdot", target, "not a plain file name");
        try (Stream<Path> written = Files.list(target)) {
            assertEquals(List.of(), written.toList(), "nothing written into the host folder");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"container", "local"})
    void aSavedChunkLinkedToAHostFolderIsNeverCopied(String runner) throws IOException {
        Path batchCopy = savedColumnIsRefused(runner, "manifest_symlink", trap.resolve("secret-chunk"), "symbolic link");
        assertFalse(Files.exists(batchCopy.resolve("chunk-00000/out.values.npy")));
    }

    @Test
    void containersHaveNoNetworkUnlessAllowed() throws Exception {
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress("0.0.0.0", 0));
            AtomicInteger connections = new AtomicInteger();
            Thread accept = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket s = listener.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
            List<DriverArg> args = List.of(DriverArg.literal("host.containers.internal,10.88.0.1,10.0.2.2,172.17.0.1"),
                    DriverArg.literal(listener.getLocalPort()));

            DriverOutcome denied = run("container", "connect", args, null);
            assertEquals(DriverOutcome.Status.OK, denied.status(), denied::errorLine);
            assertEquals(0, connections.get(), "the listener got no connection from a default container");

            // the control: the same module with --allow-network reaches the listener, so the test can fail
            try (ContainerRunner open = new ContainerRunner(options.withAllowNetwork(true), DRIVER)) {
                DriverOutcome allowed = open.run(spec("connect", "connect-allowed", args, null), new RecordingListener());
                assertEquals(DriverOutcome.Status.OK, allowed.status(), allowed::errorLine);
                assertTrue(open.environment().get("network").toString().contains("--allow-network"));
            }
            assertTrue(connections.get() >= 1, "with --allow-network the module connects");
        }
    }

    @Test
    void localModulesSeeNoCredentialsAndCannotSteerLaterSteps() throws IOException {
        Path marker = trap.resolve("env-marker");
        DriverOutcome o = run("local", "read_env", List.of(DriverArg.literal(marker.toString())), null);

        assertEquals(DriverOutcome.Status.OK, o.status(), o::errorLine);
        assertFalse(Files.exists(marker), () -> "module saw: " + read(marker));
        assertEquals("KEEP=1\n", Files.readString(trap.resolve("github_env")));
    }

    @Test
    void aLocalDaemonDoesNotOutliveItsRun() throws Exception {
        Path marker = trap.resolve("daemon-marker");
        Path pidfile = trap.resolve("daemon.pid");
        DriverOutcome o = run("local", "daemon", List.of(DriverArg.literal(marker.toString()),
                DriverArg.literal(pidfile.toString())), null);

        assertEquals(DriverOutcome.Status.OK, o.status(), o::errorLine);
        long pid = Long.parseLong(Files.readString(pidfile).strip());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "daemon " + pid + " still alive");
        Thread.sleep(4000);
        assertFalse(Files.exists(marker), "the daemon wrote its marker after the run");
    }

    @Test
    void aScienceCheckoutsGitConfigRunsNothing() throws Exception {
        Path repo = Files.createDirectories(work.resolve("git-science"));
        Path marker = trap.resolve("fsmonitor-marker");
        git(repo, "init", "-q");
        Files.writeString(repo.resolve("a.txt"), "a");
        git(repo, "add", "a.txt");
        git(repo, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "-m", "a");
        git(repo, "tag", "v1.2.3");
        git(repo, "config", "core.fsmonitor", "touch " + marker + "; false");

        assertEquals("v1.2.3", GitHead.describe(repo).orElseThrow());
        assertFalse(Files.exists(marker), "git's fsmonitor hook ran on the host");
        // the control: git itself does run the hook, so the assertion above can fail
        git(repo, "status", "--short");
        assertTrue(Files.exists(marker), "the hook is live");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"container", "local"})
    void anHonestModuleAfterTheAttacksIsIntact(String runner) {
        DriverOutcome o = runToTheEnd(runner, "honest", new RecordingListener());

        assertEquals(LOOPS, o.samplesSeenNs().size());
        assertEquals(o.samplesSeenNs(), longs(o.result().get("samples_ns")));
        ObservedTiming timing = o.observed().timing();
        assertEquals(ObservedTiming.JVM_ROUND_TRIP, timing.timedBy());
        for (int i = 0; i < LOOPS; i++) {
            assertTrue(timing.roundTripNs().get(i) >= o.samplesSeenNs().get(i), "a loop's round trips hold its calls");
        }
    }

    /** One forged loop among three passes the medians, but is published as the JVM saw it: no gain. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"container", "local"})
    void aSingleForgedLoopIsPublishedAsTheJvmSawIt(String runner) {
        DriverOutcome o = run(runner, "one_fake_loop", List.of(), null);

        assertEquals(DriverOutcome.Status.OK, o.status(), o::errorLine);
        assertTrue(o.samplesSeenNs().get(1) < 5_000_000L, "the driver claims a fast loop: " + o.samplesSeenNs());
        List<Long> published = o.observed().samplesNs();
        assertTrue(published.get(1) >= 45_000_000L, "published: the 50 ms the JVM waited, " + published);
        assertEquals(List.of("driver", "jvm", "driver"), o.observed().timing().samplesFrom());
        assertEquals(o.samplesSeenNs().get(0), published.get(0));
    }

    /** The fake run's figures without the CPU check: what it would have published (100 times too fast). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"container", "local"})
    void theFakeRunPassesEveryCheckButItsCpuTime(String runner) {
        DriverOutcome o = run(runner, "fake_run", List.of(), null);

        assertEquals(DriverOutcome.Status.UNTRUSTED, o.status(), o::errorLine);
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("reports ([0-9.]+) ms per loop but its main thread ran ([0-9.]+) ms").matcher(o.errorLine());
        assertTrue(m.find(), o.errorLine());
        double reported = Double.parseDouble(m.group(1));
        double observed = Double.parseDouble(m.group(2));
        assertTrue(reported < 1.0, "the module's own figure, slowed clock: " + o.errorLine());
        assertTrue(observed >= 45.0, "the 50 ms of CPU a call, read in /proc: " + o.errorLine());
    }

    /** The fake run waiting instead of computing: nothing proves the lie, but the JVM's round trips are published. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"container", "local"})
    void aFakeRunThatWaitsGainsNothing(String runner) {
        DriverOutcome o = run(runner, "fake_run_asleep", List.of(), null);

        assertEquals(DriverOutcome.Status.OK, o.status(), o::errorLine);
        assertTrue(o.samplesSeenNs().stream().allMatch(ns -> ns < 5_000_000L), "claimed: " + o.samplesSeenNs());
        assertTrue(o.observed().samplesNs().stream().allMatch(ns -> ns >= 45_000_000L),
                "published: the 50 ms the JVM waited, " + o.observed().samplesNs());
        assertEquals(List.of("jvm", "jvm", "jvm"), o.observed().timing().samplesFrom());
    }

    /**
     * Scale runs are timed by the JVM too: clocks slowed in the driver during the calls of a scale run
     * (wall and CPU, or the CPU clock the cost model is fitted on) make it not trusted (exit 23).
     */
    static Stream<Arguments> scaleLies() {
        return Stream.of("container", "local").flatMap(runner -> Stream.of(
                arguments(runner, "slow_scale_clocks", "its main thread ran"),
                arguments(runner, "slow_cpu_clock", "its process spent")));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("scaleLies")
    void aScaleRunWithSlowedClocksIsNotTrusted(String runner, String attack, String why) {
        DriverOutcome o = runner(runner).run(scaleSpec(attack, attack + "-scale-" + runner), new RecordingListener());

        assertEquals(DriverOutcome.Status.UNTRUSTED, o.status(), o::errorLine);
        assertTrue(o.errorLine().contains(why), o.errorLine());
        assertNull(o.result());
        assertNull(o.observed());
    }

    /** The honest module's scale run: every call requested and timed by the JVM, the driver's figures kept. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"container", "local"})
    void anHonestScaleRunIsTimedByTheJvm(String runner) {
        DriverOutcome o = runner(runner).run(scaleSpec("honest", "honest-scale-" + runner), new RecordingListener());

        assertEquals(DriverOutcome.Status.OK, o.status(), o::errorLine);
        ScaleTiming timing = o.observed().scale().timing();
        assertEquals(ObservedTiming.JVM_ROUND_TRIP, timing.timedBy());
        assertTrue(timing.cpuVisible(), "the supervisor reads the driver's CPU time in /proc");
        assertEquals(List.of("cold", "warm", "N=1", "N=10"), timing.measurements().stream().map(ScaleMeasurementTiming::name).toList());
        var published = o.observed().scale().measurements();
        for (int i = 0; i < published.size(); i++) {
            ScaleMeasurementTiming t = timing.measurements().get(i);
            List<Long> wall = published.get(i).calls().wallNs();
            assertEquals(wall.size(), t.roundTripNs().size(), t.name());
            for (int c = 0; c < wall.size(); c++) {
                assertTrue(t.roundTripNs().get(c) >= wall.get(c), t.name() + ": a call's round trip holds it");
            }
        }
        assertEquals(50, timing.measurements().get(2).roundTripNs().size(), "N=1: one call per alert of the 50");
    }

    DriverSpec scaleSpec(String fn, String name) {
        return new DriverSpec(name, ATTACKS + fn, science, batch, List.of(DriverArg.column("x")), 0, 1, false,
                resultFile(name), null, null, Duration.ofMinutes(3), "pandas_udf", null,
                new ScaleSpec(List.of(1, 10), List.of(5), 0.05));
    }

    // --- helpers

    DriverOutcome run(String runner, String fn, List<DriverArg> extra, Path save) {
        return run(runner, fn, extra, save, new RecordingListener());
    }

    DriverOutcome run(String runner, String fn, List<DriverArg> extra, Path save, RecordingListener listener) {
        return runner(runner).run(spec(fn, fn + "-" + runner, extra, save), listener);
    }

    /** Runs {@code fn} without extra arguments and asserts that the run itself succeeded. */
    DriverOutcome runToTheEnd(String runner, String fn, RecordingListener listener) {
        DriverOutcome o = run(runner, fn, List.of(), null, listener);
        assertEquals(DriverOutcome.Status.OK, o.status(), o::errorLine);
        return o;
    }

    /**
     * Runs {@code fn}, which saves its column and then rewrites the save to reach {@code hostPath};
     * merging that save into a copy of the batch must fail with {@code why}. Returns the copy.
     */
    Path savedColumnIsRefused(String runner, String fn, Path hostPath, String why) throws IOException {
        Path save = work.resolve("save-" + fn + "-" + runner);
        DriverOutcome o = run(runner, fn, List.of(DriverArg.literal(hostPath.toString())), save);
        assertEquals(DriverOutcome.Status.OK, o.status(), o::errorLine);
        Path batchCopy = copyTree(batch, work.resolve("batch-" + fn + "-" + runner));
        var e = assertThrows(UntrustedFiles.UntrustedFileException.class, () -> BatchColumnMerger.merge(save, batchCopy, "out"));
        assertTrue(e.getMessage().contains(why), e.getMessage());
        return batchCopy;
    }

    DriverSpec spec(String fn, String name, List<DriverArg> extra, Path save) {
        List<DriverArg> args = new ArrayList<>(List.of(DriverArg.column("x")));
        args.addAll(extra);
        return new DriverSpec(name, ATTACKS + fn, science, batch, args, 1, LOOPS, false, resultFile(name), save,
                save == null ? null : "out", Duration.ofMinutes(2), "pandas_udf");
    }

    Path resultFile(String name) {
        return work.resolve("results").resolve(name + ".json");
    }

    static void requireEngine() {
        String host = System.getenv("DOCKER_HOST");
        if (host == null || host.isBlank()) {
            if ("1".equals(System.getenv("FINK_PERF_SKIP_CONTAINER_TESTS"))) {
                Assumptions.abort("FINK_PERF_SKIP_CONTAINER_TESTS=1: container ITs skipped");
            }
            fail("DOCKER_HOST is not set: run `source scripts/podman-env.sh` before the container ITs");
        }
    }

    /** One chunk of 50 rows, written by the driver's own writer with the host's Python. */
    static void writeBatch(Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(PYTHON, "-c", "import sys\n"
                + "from fink_perf_driver.batch import write_batch\n"
                + "write_batch(sys.argv[1], {'x': [float(i) for i in range(50)]}, columns=[('x', 'scalar', 'float64')],"
                + " chunk_rows=64)\n", dir.toString()).redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", PROJECT.resolve("python").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    static void git(Path repo, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "?";
        }
    }
}
