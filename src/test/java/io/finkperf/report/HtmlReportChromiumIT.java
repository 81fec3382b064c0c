package io.finkperf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.finkperf.results.RunResults;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * index.html in a real browser: headless Chromium loads the page from disk with the network off,
 * runs its script, and must show every module without a console error. Chromium is installed by
 * the test script ({@code apt-get install -y chromium}), never from Java; set
 * {@code FINK_PERF_SKIP_BROWSER_TESTS=1} to skip, {@code FINK_PERF_CHROMIUM} for another binary.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlReportChromiumIT {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("FINK_PERF_CHROMIUM", "/usr/bin/chromium"));
    static final long TIMEOUT_S = 120;

    @TempDir
    static Path work;
    RunResults results;
    Path page;
    String dom;
    String stderr;
    Path screenshot;

    @BeforeAll
    void loadThePage() throws Exception {
        Assumptions.assumeFalse("1".equals(System.getenv("FINK_PERF_SKIP_BROWSER_TESTS")),
                "FINK_PERF_SKIP_BROWSER_TESTS=1");
        if (!Files.isExecutable(CHROMIUM)) {
            fail(CHROMIUM + " not found: run the test script, which installs it (Debian: apt-get install -y chromium),"
                    + " or set FINK_PERF_SKIP_BROWSER_TESTS=1 to skip the browser tests");
        }
        results = ReportFixtures.run();
        Path report = Files.createDirectories(work.resolve("report"));
        new HtmlReport().write(results, report);
        page = report.resolve(HtmlReport.FILE);
        screenshot = work.resolve("screenshot.png");
        Chromium shot = chromium("--screenshot=" + screenshot, "--window-size=1400,2400");
        Chromium dump = chromium("--dump-dom");
        dom = dump.stdout;
        stderr = shot.stderr + dump.stderr;
    }

    @Test
    void scriptRanWithoutConsoleErrors() {
        List<String> errors = stderr.lines()
                .filter(l -> l.contains("Uncaught") || l.contains("ERROR:CONSOLE")).toList();
        assertEquals(List.of(), errors, "console errors in index.html");
        assertTrue(dom.contains("data-ready=\"true\""), "report.js did not reach its end");
    }

    @Test
    void everyModuleIsInTheDom() {
        for (var m : results.modules()) {
            assertTrue(dom.contains(">" + m.name() + "</code>"), m.name() + " missing from the DOM");
        }
        assertTrue(dom.contains("<table class=\"sortable modules\">"));
    }

    @Test
    void screenshotIsNotBlank() throws IOException {
        BufferedImage img = PngAssertions.decode(Files.readAllBytes(screenshot));
        assertEquals(1400, img.getWidth());
        assertEquals(2400, img.getHeight());
        PngAssertions.assertNotBlank(img, 50);
        assertTrue(PngAssertions.count(img, TypeColors.of("xmatch")) > 1000, "the throughput chart's xmatch bar");
    }

    record Chromium(String stdout, String stderr) {
    }

    /** One headless run with its own profile and no network; output drained to files, so nothing blocks. */
    Chromium chromium(String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile");
        Path out = Files.createTempFile(work, "chromium", ".out");
        Path err = Files.createTempFile(work, "chromium", ".err");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(extra));
        cmd.add(page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                fail("chromium did not finish in " + TIMEOUT_S + " s: " + String.join(" ", cmd));
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "chromium failed: " + stderr);
        return new Chromium(Files.readString(out, StandardCharsets.UTF_8), stderr);
    }
}
