package io.finkperf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.results.DriverEnergy;
import io.finkperf.results.EnergyResult;
import io.finkperf.results.ResultsJson;
import io.finkperf.energy.EnergyModel;
import io.finkperf.energy.EnergySettings;
import io.finkperf.results.Environment;
import io.finkperf.results.ModuleError;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.RunConfig;
import io.finkperf.results.RunResults;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnergyChartTest {

    static final String CPU_MODEL = "AMD EPYC 7763 64-Core Processor";   // 280 W / 64 = 4.375 W/core
    static final long MIB = 1L << 20;

    /** Three measured modules (one with codecarbon beside it) and one that timed out. */
    static RunResults run() {
        Environment env = new Environment(CPU_MODEL, 2, 8L << 30, "Linux", "17", "ci", "/w/science", null, "8.53.0",
                "datasets/ztf/sample.parquet", "ztf", "ztf", Map.of(), Map.of("name", "local"));
        RunConfig config = new RunConfig("registry/examples-ztf.yaml", List.of(), 1000, 1, 5, 10000, 600, "local", "direct");
        List<ModuleResult> modules = new ArrayList<>();
        modules.add(measured("xmatch_local", "xmatch", 2_000_000_000L, 9.8, 180 * MIB, null));
        modules.add(measured("lc_features", "feature", 40_000_000_000L, 199, 150 * MIB, null));
        // codecarbon in constant mode: same power in A and B, so its A − B is ≈ 0
        modules.add(measured("early_classifier", "ml", 20_000_000_000L, 99, 420 * MIB, Map.of("available", true,
                "version", "2.8.0", "a", Map.of("energy_consumed", 100 * 42.5 / 3.6e6, "mode", "constant"),
                "b", Map.of("energy_consumed", 60 * 42.5 / 3.6e6, "mode", "constant"))));
        modules.add(ModuleResult.builder("slow_lc", "feature", "e", "o")
                .failed(ModuleStatus.TIMEOUT, new ModuleError("timeout", null, "timed out", null))
                .nAlerts(1000).nChunks(1).peakRssBytes(95 * MIB).build());
        return new RunResults(RunResults.SCHEMA, "0.1.0", "2025-06-02T09:15:00Z", null, env, config, modules);
    }

    /** 5 loops of {@code loopNs} over 1000 alerts; B ran 60 s (capped) with 0.02 CPU s at 90 MiB. */
    static ModuleResult measured(String name, String type, long loopNs, double cpuS, long rss, Map<String, Object> cc) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("wall_ns_a", 5 * loopNs + 50_000_000L);
        d.put("cpu_s_a", cpuS + 0.05);
        d.put("wall_ns_b", Math.min(5 * loopNs + 50_000_000L, 60_000_000_000L));
        d.put("cpu_s_b", 0.02);
        d.put("rss_bytes_b", 90 * MIB);
        d.put("peak_rss_bytes_a", rss);
        d.put("rapl_readable", false);
        d.put("rapl_reason", "no RAPL zones under /sys/class/powercap");
        d.put("baseline_capped", 5 * loopNs > 60_000_000_000L);
        d.put("codecarbon", cc == null ? Map.of("available", false, "reason", "codecarbon not importable") : cc);
        ModuleResult m = ModuleResult.builder(name, type, "e", "o").nAlerts(1000).nChunks(1)
                .loops(List.of(), List.of(loopNs, loopNs, loopNs, loopNs, loopNs)).peakRssBytes(rss)
                .cpuSeconds(cpuS * 0.97, cpuS * 0.03).output("sha256:00", "float64")
                .energyDriver(ResultsJson.mapper().convertValue(d, DriverEnergy.class)).build();
        return EnergyModel.attach(m, CPU_MODEL, EnergySettings.defaults());
    }

    @Test
    void pngDecodesAndShowsBothStacks(@TempDir Path dir) throws Exception {
        new EnergyChart().write(run(), dir);
        byte[] bytes = Files.readAllBytes(dir.resolve(EnergyChart.FILE));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(img, "a decodable PNG");
        assertTrue(img.getWidth() >= 900 && img.getHeight() == 640);
        int cpu = count(img, EnergyChart.CPU_COLOR);
        int ram = count(img, EnergyChart.RAM_COLOR);
        int nonWhite = img.getWidth() * img.getHeight() - count(img, Color.WHITE);
        assertTrue(cpu > 2000, "CPU bars drawn: " + cpu + " px");
        assertTrue(ram > 50, "RAM bars drawn: " + ram + " px");
        assertTrue(nonWhite > 0.05 * img.getWidth() * img.getHeight(), "not blank: " + nonWhite + " px");
        Path preview = Path.of(System.getProperty("energy.preview", "target-energy/preview"));
        Files.createDirectories(preview);
        Files.write(preview.resolve(EnergyChart.FILE), bytes);
    }

    /*
     * lc_features: A cpu 199 s × 4.375 = 870.625 J; B cpu 0.02 s × (200 s / 60 s) × 4.375 = 0.291667 J
     * (the model scales B to the 200 s of module calls, not to the 200.05 s span).
     * A ram 150 MiB = 0.146484 GiB × 0.375 × 200 s = 10.986328 J; B ram 90 MiB = 0.087891 GiB × 0.375 × 200 = 6.591797 J.
     * Net 870.625 − 0.291667 + 10.986328 − 6.591797 = 874.727865 J over 5 000 alerts → 174.945573 J per 1 000 alerts.
     */
    @Test
    void datasetHoldsNetJoulesPerThousandAlerts() {
        var estimates = EnergyChart.estimates(run());
        assertEquals(List.of("xmatch_local", "lc_features", "early_classifier"),
                estimates.keySet().stream().map(ModuleResult::name).toList());
        var data = EnergyChart.dataset(estimates);
        double cpu = data.getValue(EnergyChart.CPU, "lc_features").doubleValue();
        double ram = data.getValue(EnergyChart.RAM, "lc_features").doubleValue();
        assertEquals((870.625 - 0.02 * (200.0 / 60) * 4.375) / 5, cpu, 1e-6);
        assertEquals((150.0 - 90.0) / 1024 * 0.375 * 200 / 5, ram, 1e-6);
        assertEquals(174.945573, cpu + ram, 1e-6);
    }

    @Test
    void subtitleNamesMethodPowerAndCo2Settings() {
        RunResults r = run();
        List<String> lines = EnergyChart.subtitle(r, EnergyChart.estimates(r));
        assertTrue(lines.get(0).startsWith("method: model:tdp-per-core · 4.38 W/core, RAM 0.375 W/GiB"), lines.get(0));
        RunResults epyc = new RunResults(r.schema(), r.toolVersion(), r.startedAt(), null, r.environment(), r.config(),
                List.of(measured("x", "xmatch", 1_000_000_000L, 5, 100 * MIB, null)).stream()
                        .map(m -> EnergyModel.attach(m, "AMD EPYC", EnergySettings.defaults())).toList());
        assertTrue(EnergyChart.subtitle(epyc, EnergyChart.estimates(epyc)).get(0)
                .contains("4.38 W/core (family median)"), "says the W/core is not a table row");
        assertEquals("CO2: × PUE 1.25 × FR 56 gCO2eq/kWh · 200 000 alerts/night × 300 nights/year", lines.get(1));
    }

    /*
     * codecarbon constant mode: A 100 s × 42.5 W = 4 250 J, B 60 s × 42.5 W scaled × 100.05/60 → 4 252.125 J:
     * A − B = −2.125 J (its constant power cancels, up to the 50 ms between the spans) → −0.425 J per 1 000.
     */
    @Test
    void labelShowsCodecarbonBesideOurs() {
        EnergyResult e = EnergyChart.estimates(run()).entrySet().stream()
                .filter(x -> x.getKey().name().equals("early_classifier")).findFirst().orElseThrow().getValue();
        assertEquals(-0.425, e.codecarbonNetJPer1000Alerts(), 1e-9);
        assertEquals("codecarbon (constant): -425 mJ", EnergyChart.codecarbonLabel(e));
        assertTrue(EnergyChart.label(e).endsWith("/yr"), EnergyChart.label(e));
        EnergyResult without = EnergyChart.estimates(run()).values().iterator().next();
        assertEquals(null, EnergyChart.codecarbonLabel(without));
    }

    @Test
    void runWithoutEnergySaysSo() throws Exception {
        RunResults bare = new RunResults(RunResults.SCHEMA, "0.1.0", null, null, null, null, List.of());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Charts.png(EnergyChart.render(bare))));
        assertNotNull(img);
        assertEquals(List.of("no module has an energy estimate (the driver reported no energy object)"),
                EnergyChart.subtitle(bare, EnergyChart.estimates(bare)));
    }

    @Test
    void units() {
        assertEquals("9.83 J", EnergyChart.joules(9.83125));
        assertEquals("175 J", EnergyChart.joules(174.9));
        assertEquals("1.23 kJ", EnergyChart.joules(1234));
        assertEquals("12.3 mJ", EnergyChart.joules(0.0123));
        assertEquals("11.5 gCO2e", EnergyChart.co2(0.0114697917));
        assertEquals("2.00 kgCO2e", EnergyChart.co2(2.0));
        assertEquals("38.2 mgCO2e", EnergyChart.co2(3.82326389e-5));
        assertEquals("149 mgCO2e", EnergyChart.co2(1.4875e-4));
    }

    private static int count(BufferedImage img, Color c) {
        int rgb = c.getRGB() & 0xFFFFFF;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
