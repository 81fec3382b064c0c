package io.finkperf.history;

import io.finkperf.testing.TestRepository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.finkperf.testing.FinkPerfCli;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a git repository of the bundled examples whose {@code slow_lc} gets ten times
 * slower at one commit is backfilled into a store through the real profile pipeline (real
 * Python, real alerts), the site is written, and headless Chromium shows the step at that commit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryBackfillIT {

    static final Path PROJECT = Path.of(System.getProperty("finkperf.projectDir", ".")).toAbsolutePath();
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("FINK_PERF_CHROMIUM", "/usr/bin/chromium"));
    static final String PROCESSOR = "fink_science/ztf/slow_lc/processor.py";

    @TempDir
    static Path work;
    TestRepository repo;
    String base;
    List<String> shas = new ArrayList<>();
    String slower;
    String beforeSlower;
    Path store;
    Path site;
    FinkPerfCli.Run backfill;
    FinkPerfCli.Run report;

    @BeforeAll
    void backfillAndReport() throws IOException {
        repo = new TestRepository(Files.createDirectories(work.resolve("science")));
        repo.write("README.md", "science\n");
        base = repo.commit("initial");
        repo.copyTree(PROJECT.resolve("examples/science"));
        shas.add(repo.commit("the example modules"));
        repo.tag("v1.0.0");
        repo.write("README.md", "science, documented\n");
        shas.add(repo.commit("docs"));
        repo.write("NOTES.md", "notes\n");
        shas.add(repo.commit("notes"));
        repo.write("NOTES.md", "notes, more\n");
        beforeSlower = repo.commit("notes again");
        shas.add(beforeSlower);
        String p = repo.read(PROCESSOR);
        assertTrue(p.contains("for k in range(64)"), "the example's lag scales moved: update this test");
        repo.write(PROCESSOR, p.replace("for k in range(64)", "for k in range(640)"));
        slower = repo.commit("slow_lc: 640 lag scales");
        shas.add(slower);
        repo.write("NOTES.md", "more notes\n");
        shas.add(repo.commit("more notes"));
        repo.write("README.md", "science, documented twice\n");
        shas.add(repo.commit("docs again"));
        repo.write("README.md", "science, documented thrice\n");
        shas.add(repo.commit("docs once more"));
        repo.tag("v1.1.0");

        store = work.resolve("store");
        site = work.resolve("site");
        backfill = FinkPerfCli.run("history", "append", "--store", store.toString(), "--backfill", base + "..HEAD",
                "--science-dir", repo.dir.toString(), "--registry", PROJECT.resolve("registry/examples-ztf.yaml").toString(),
                "--modules", "slow_lc", "--loops", "3", "--warmup", "1", "--no-line-profile", "--calibration-repeats", "5");
        report = FinkPerfCli.run("history", "report", "--store", store.toString(), "--output", site.toString());
    }

    @Test
    void everyCommitOfTheRangeIsInTheStoreOldestFirst() {
        assertEquals(0, backfill.exitCode(), backfill.stderr());
        List<HistoryRecord> records = new HistoryStore(store).readAll();
        assertEquals(shas, records.stream().sorted(ModuleSeries.ORDER).map(r -> r.commit().sha()).toList());
        for (HistoryRecord r : records) {
            assertTrue(r.measured(), r.module() + " at " + r.commit().shortSha() + ": " + r.status());
            assertEquals(3, r.rates().size());
            assertTrue(r.calibration().seconds() > 0);
            assertEquals(64, r.dataSha256().length());
            assertTrue(Files.isRegularFile(store.resolve(r.reportLink())), "the run's report is kept: " + r.reportLink());
        }
        assertEquals(List.of("v1.0.0"), records.stream().sorted(ModuleSeries.ORDER).findFirst().orElseThrow().commit().tags());
    }

    @Test
    void theThrowAwayWorktreesAreGone() throws IOException {
        assertEquals(1, repo.git("worktree", "list").strip().lines().count(), repo.git("worktree", "list"));
    }

    @Test
    void theStepIsFoundAtTheSlowerCommit() {
        ModuleSeries s = ModuleSeries.of(new HistoryStore(store).readAll(), "slow_lc", Measure.CALIBRATED);
        assertEquals(1, s.steps().size(), "steps: " + s.steps() + " in " + s.points().stream().map(ModuleSeries.Point::value).toList());
        ModuleSeries.ChangePoint c = s.steps().get(0);
        assertEquals(slower, c.firstAfter().sha());
        assertEquals(beforeSlower, c.lastBefore().sha());
        assertTrue(c.step().changePercent() < -60, "10x the work: " + c.step().changePercent() + " %");
    }

    @Test
    void theSiteShowsTheStepAtThatCommit() throws IOException {
        assertEquals(0, report.exitCode(), report.stderr());
        String page = Files.readString(site.resolve("slow_lc.html"), StandardCharsets.UTF_8);
        String range = "<code title=\"" + beforeSlower + "\">" + beforeSlower.substring(0, 8) + "</code> .. <code title=\""
                + slower + "\">" + slower.substring(0, 8) + "</code>";
        assertTrue(page.contains(range), "step range on the module page");
        assertTrue(page.contains("slow_lc: 640 lag scales"), "the commit's subject");
        String index = Files.readString(site.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(index.contains("since v1.0.0"), "change since the last release before the latest commit");
        assertTrue(index.contains("class=\"step-down\""), "the sparkline marks the step");
        try (Stream<Path> runs = Files.list(site.resolve("runs"))) {
            assertEquals(shas.size(), runs.count(), "every run's report copied into the site");
        }
    }

    @Test
    void chromiumShowsTheStepWithoutErrors() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("1".equals(System.getenv("FINK_PERF_SKIP_BROWSER_TESTS"))) {
                return;
            }
            fail(CHROMIUM + " not found: run the test script (apt-get install -y chromium) or set FINK_PERF_SKIP_BROWSER_TESTS=1");
        }
        for (String pageName : List.of("index.html", "slow_lc.html")) {
            Path shot = work.resolve(pageName + ".png");
            String stderr = chromium(site.resolve(pageName), "--screenshot=" + shot, "--window-size=1200,1400");
            assertFalse(stderr.contains("Uncaught") || stderr.contains("ERROR:CONSOLE"), stderr);
            BufferedImage img = ImageIO.read(shot.toFile());
            assertEquals(1200, img.getWidth());
            assertTrue(TrendChartTest.count(img, new java.awt.Color(0xC62828)) > 20, pageName + ": the red step");
            String preview = System.getProperty("preview.dir");
            if (preview != null) {
                Files.createDirectories(Path.of(preview));
                Files.copy(shot, Path.of(preview, "site-" + pageName + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.copy(site.resolve("slow_lc.png"), Path.of(preview, "site-slow_lc.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String dom = chromium(site.resolve("slow_lc.html"), "--dump-dom");
        assertTrue(dom.contains("<tr class=\"down\">"), "the step row is in the rendered page");
    }

    /** One headless run with its own profile and no network; returns stdout for --dump-dom, else stderr. */
    static String chromium(Path page, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile");
        Path out = Files.createTempFile(work, "chromium", ".out");
        Path err = Files.createTempFile(work, "chromium", ".err");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(extra));
        cmd.add(page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                fail("chromium did not finish in 120 s");
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), Files.readString(err));
        return List.of(extra).contains("--dump-dom") ? Files.readString(out) : Files.readString(err);
    }
}
