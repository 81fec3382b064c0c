package io.finkperf.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.finkperf.results.DriverEnergy;
import io.finkperf.results.EnergyResult;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ResultsJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The whole chain on this machine: the driver's energy code (python/fink_perf_driver/energy.py)
 * measures A and B around a busy and a sleeping function, and the Java model turns them into
 * joules. A busy module must cost strictly more than a sleeping one: with constant power (the old
 * script) both would be 0.
 */
class DriverEnergyIT {

    private static final String SCRIPT = String.join("\n",
            "import json, time",
            "from fink_perf_driver.energy import Codecarbon, measure_callable",
            "def busy():",
            "    s = 0",
            "    for i in range(1_500_000):",
            "        s += i * i % 7",
            "def sleepy():",
            "    time.sleep(0.25)",
            "def no_cc():",
            "    raise ImportError('off in this test')",
            "print(json.dumps({n: measure_callable(f, loops=2, codecarbon=Codecarbon(importer=no_cc))",
            "                  for n, f in (('busy', busy), ('sleepy', sleepy))}))");

    @Test
    void busyModuleHasStrictlyLargerNetEnergyThanSleepingOne() throws Exception {
        Map<String, Map<String, Object>> out = runPython();
        EnergySettings s = EnergySettings.defaults();
        EnergyResult busy = EnergyModel.estimate(asModule(out.get("busy")), "AMD EPYC", s);
        EnergyResult sleepy = EnergyModel.estimate(asModule(out.get("sleepy")), "AMD EPYC", s);
        assertTrue(EnergyModel.MODEL.equals(busy.method()) || busy.method().startsWith("rapl"), busy.method());
        assertTrue(busy.netJ() > sleepy.netJ(), "busy " + busy.netJ() + " J vs sleepy " + sleepy.netJ() + " J");
        assertTrue(busy.netCpuJ() > 0, "busy net cpu " + busy.netCpuJ());
        if (EnergyModel.MODEL.equals(sleepy.method())) {
            // B's CPU ≈ 0 and the sleeper's ≈ 0 too: its net CPU energy is noise around 0
            assertTrue(Math.abs(sleepy.netCpuJ()) < 0.2, "sleepy net cpu " + sleepy.netCpuJ());
        }
    }

    /** The driver's object as a module result: CPU and time of A as the driver reports them. */
    private static ModuleResult asModule(Map<String, Object> d) {
        DriverEnergy e = EnergyFixtures.parsed(d);
        return ModuleResult.builder("m", "feature", "e", "o").nAlerts(1).nChunks(1)
                .loops(List.of(), List.of(e.wallNsA())).peakRssBytes(e.peakRssBytesA()).cpuSeconds(e.cpuSA(), 0)
                .energyDriver(e).build();
    }

    private static Map<String, Map<String, Object>> runPython() throws IOException, InterruptedException {
        Path pythonDir = Path.of(System.getProperty("finkperf.projectDir", ".")).resolve("python").toAbsolutePath();
        Path stderr = Files.createTempFile("driver-energy-it", ".err");
        ProcessBuilder pb = new ProcessBuilder(System.getProperty("finkperf.python", "python3"), "-c", SCRIPT)
                .redirectError(stderr.toFile());
        pb.environment().put("PYTHONPATH", pythonDir.toString());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            assumeTrue(false, "no python3 on PATH: " + e.getMessage());
            throw e;
        }
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, p.exitValue(), "python failed: " + stdout + Files.readString(stderr));
        Files.delete(stderr);
        return ResultsJson.mapper().readValue(stdout, new TypeReference<Map<String, Map<String, Object>>>() { });
    }
}
