package io.finkperf.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.finkperf.energy.EnergySettings;
import io.finkperf.registry.ModuleRegistry;
import io.finkperf.registry.RegistryLoader;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.RunResults;
import io.finkperf.runner.ModuleRunner;
import io.finkperf.runner.local.LocalRunner;
import io.finkperf.runner.local.PythonLocator;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API the commands share: a request in, results out, the listener told as modules finish, one runner for many runs. */
class ProfileSessionIT {

    static final Path HOME = Path.of(System.getProperty("finkperf.projectDir", ".")).toAbsolutePath().normalize();

    /** The local runner, counting how often it is closed (a proxy, so it follows the interface as it grows). */
    static final class CountingRunner implements InvocationHandler {
        final ModuleRunner local = new LocalRunner(PythonLocator.find(System.getenv("FINK_PERF_PYTHON")), HOME.resolve("python"));
        final ModuleRunner proxy = (ModuleRunner) Proxy.newProxyInstance(ModuleRunner.class.getClassLoader(),
                new Class<?>[] {ModuleRunner.class}, this);
        int closed;

        @Override
        public Object invoke(Object p, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("close")) {
                closed++;
            }
            try {
                return method.invoke(local, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    static RunRequest request(Path out, long nAlerts) {
        ModuleRegistry registry = RegistryLoader.load(HOME.resolve("registry/examples-ztf.yaml"));
        ProfileRequest profile = new ProfileRequest(registry, registry.select("slow_lc,lc_features"),
                HOME.resolve("examples/science"), HOME.resolve("datasets/ztf/ftransfer_sample_72.parquet"), "ztf", nAlerts,
                0, 2, 10_000, Duration.ofMinutes(5), false, out);
        return RunRequest.direct(profile, EnergySettings.defaults().withMaxBaselineS(0));
    }

    static List<String> names(RunResults r) {
        return r.modules().stream().map(ModuleResult::name).toList();
    }

    @Test
    void tellsTheListenerAfterEveryModuleAndServesSeveralRunsWithOneRunner(@TempDir Path dir) {
        List<String> heard = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void resultsSoFar(RunResults soFar) {
                heard.add("so far " + names(soFar));
            }

            @Override
            public void directPassFinished(RunResults direct) {
                heard.add("direct " + names(direct));
            }
        };
        CountingRunner runner = new CountingRunner();
        try (ProfileSession session = new ProfileSession(runner.proxy, RunProgress.SILENT)) {
            RunResults first = session.run(request(dir.resolve("first"), 0), listener);
            assertEquals(List.of("so far [lc_features]", "so far [lc_features, slow_lc]", "direct [lc_features, slow_lc]"), heard,
                    "in registry order, one call per module, then the end of the direct pass");
            assertNotNull(first.finishedAt());
            assertEquals("direct", first.config().mode());
            for (ModuleResult m : first.modules()) {
                assertEquals(ModuleStatus.OK, m.status(), m.name() + ": " + m.error());
                assertEquals(72, m.nAlerts());
                assertEquals(2, m.samplesNs().size());
            }

            RunResults second = session.run(request(dir.resolve("second"), 150), RunListener.NONE);
            assertEquals(List.of(150L, 150L), second.modules().stream().map(ModuleResult::nAlerts).toList());
            assertEquals(0, runner.closed, "the runner serves every run of the session");
        }
        assertEquals(1, runner.closed, "closing the session closes its runner");
    }
}
