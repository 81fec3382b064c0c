package io.finkperf.suite;

import static org.junit.jupiter.api.Assertions.fail;

import io.finkperf.cli.FinkPerfHome;
import io.finkperf.cli.RunnerOptions;
import io.finkperf.console.ConsoleProgress;
import io.finkperf.energy.EnergySettings;
import io.finkperf.engine.ProfileRequest;
import io.finkperf.engine.ProfileSession;
import io.finkperf.engine.RunListener;
import io.finkperf.engine.RunRequest;
import io.finkperf.registry.ModuleRegistry;
import io.finkperf.registry.ModuleSpec;
import io.finkperf.registry.RegistryLoader;
import io.finkperf.report.ReportWriter;
import io.finkperf.report.Reports;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.RunResults;
import io.finkperf.runner.ModuleRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import picocli.CommandLine;

/**
 * The profiling run as a JUnit suite: one dynamic test per module of the registry, each profiled
 * through the same engine as {@code fink-perf profile} and failed when the module errors, so CI
 * systems that read JUnit XML show one line per module. Off by default (it takes minutes):
 *
 * <pre>mvn verify -Dfinkperf.suite=true -Dit.test=ModuleProfilingSuiteIT</pre>
 *
 * Properties ({@code -D}): finkperf.suite.registry (registry/examples-ztf.yaml), .science-dir
 * (examples/science), .data (the survey's bundled sample), .modules (all), .runner (local |
 * container), .image, .loops (3), .warmup (1), .n-alerts (0 = as is), .timeout (10m), .output
 * (the build folder's fink-perf-suite/): each module's results.json and line profile land in
 * OUTPUT/&lt;module&gt;/.
 */
@EnabledIfSystemProperty(named = "finkperf.suite", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModuleProfilingSuiteIT {

    private ProfileSession session;

    @TestFactory
    Stream<DynamicTest> modules() {
        Path home = FinkPerfHome.get();
        ModuleRegistry registry = RegistryLoader.load(home.resolve(prop("registry", "registry/examples-ztf.yaml")));
        String survey = prop("survey", registry.survey());
        Path science = home.resolve(prop("science-dir", "examples/science")).toAbsolutePath();
        String data = prop("data", "");
        Path dataPath = data.isEmpty() ? FinkPerfHome.defaultData(survey) : home.resolve(data);
        Path output = home.resolve(prop("output", "target/fink-perf-suite")).toAbsolutePath();
        session = new ProfileSession(runner(), ConsoleProgress.plain(System.out, true));
        List<ModuleSpec> selected = registry.select(prop("modules", "all"));
        return selected.stream().map(m -> DynamicTest.dynamicTest(m.name() + " (" + m.type().label() + ")", () -> {
            ProfileRequest req = new ProfileRequest(registry, List.of(m), science, dataPath, survey,
                    Long.parseLong(prop("n-alerts", "0")), Integer.parseInt(prop("warmup", "1")),
                    Integer.parseInt(prop("loops", "3")), 10_000, Duration.parse("PT" + prop("timeout", "10m").toUpperCase(Locale.ROOT)),
                    true, output.resolve(m.name()));
            RunResults results = session.run(RunRequest.direct(req, EnergySettings.defaults()), RunListener.NONE);
            write(results, req.outputDir());
            check(results.modules().get(0));
        }));
    }

    private static void check(ModuleResult r) {
        if (r.status() == ModuleStatus.SKIPPED) {
            Assumptions.abort(r.name() + " skipped: " + (r.error() == null ? "" : r.error().message()));
        }
        if (r.status() != ModuleStatus.OK) {
            fail(r.name() + ": " + r.status().name().toLowerCase(Locale.ROOT)
                    + (r.error() == null ? "" : " (" + r.error().kind() + "): " + r.error().message()));
        }
        System.out.printf(Locale.ROOT, "%s: %.1f alerts/s/core (mean of %d loops)%n", r.name(),
                r.throughputStats().mean(), r.samplesNs().size());
    }

    private static void write(RunResults results, Path dir) throws IOException {
        for (ReportWriter w : Reports.all()) {
            w.write(results, dir);
        }
    }

    /** The runner the CLI would build from --runner/--image: one parse, no duplicate defaults. */
    private static ModuleRunner runner() {
        RunnerOptions o = new RunnerOptions();
        List<String> args = new java.util.ArrayList<>(List.of("--runner", prop("runner", "local")));
        if (!prop("image", "").isEmpty()) {
            args.addAll(List.of("--image", prop("image", "")));
        }
        CommandLine.populateCommand(o, args.toArray(new String[0]));
        return o.survey(prop("survey", "ztf")).create();
    }

    @AfterAll
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private static String prop(String name, String def) {
        String v = System.getProperty("finkperf.suite." + name);
        return v == null || v.isBlank() ? def : v;
    }
}
