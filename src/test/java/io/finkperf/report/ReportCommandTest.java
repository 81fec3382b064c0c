package io.finkperf.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.cli.Main;
import io.finkperf.results.ResultsJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

    @TempDir
    Path dir;
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void rendersEveryFormatNextToTheResultsByDefault() throws Exception {
        Path results = dir.resolve("results.json");
        ResultsJson.write(ReportFixtures.run(), results);
        assertEquals(0, run("report", results.toString()), err.toString());
        for (String f : List.of("index.html", "summary.md", "throughput.png", "line_profile_xmatch_local.txt",
                "line_profile_xmatch_local.png", "line_profile_early_classifier.png")) {
            assertTrue(Files.size(dir.resolve(f)) > 100, f);
        }
        assertEquals(ReportFixtures.run().modules().size(), ResultsJson.read(results).modules().size());
    }

    @Test
    void outputOptionChoosesTheFolder() throws Exception {
        Path results = dir.resolve("run-1.json");
        ResultsJson.write(ReportFixtures.run(), results);
        Path out = dir.resolve("out/nested");
        assertEquals(0, run("report", results.toString(), "-o", out.toString()), err.toString());
        assertTrue(Files.exists(out.resolve("index.html")));
        assertTrue(Files.exists(out.resolve("results.json")), "the report folder is complete on its own");
    }

    @Test
    void missingFileIsAUsageError() {
        assertEquals(2, run("report", dir.resolve("nope.json").toString()));
        assertEquals("fink-perf: no such results file: " + dir.resolve("nope.json") + "\n", err.toString());
    }

    @Test
    void otherJsonIsADataError() throws Exception {
        Path other = Files.writeString(dir.resolve("package.json"), "{\"name\": \"x\", \"version\": \"1\"}");
        assertEquals(3, run("report", other.toString()));
        assertTrue(err.toString().contains("is not a fink-perf results file"), err.toString());
        assertEquals(1, err.toString().lines().count(), "one line");
    }

    @Test
    void brokenJsonIsADataError() throws Exception {
        Path broken = Files.writeString(dir.resolve("results.json"), "{\"schema\": \"fink-perf/results/1\", ");
        assertEquals(3, run("report", broken.toString()));
        assertTrue(err.toString().startsWith("fink-perf: " + broken + " is not a fink-perf results file"), err.toString());
        assertEquals(1, err.toString().lines().count(), "one line");
    }

    @Test
    void helpDocumentsExitCodes() {
        StringWriter out = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        assertEquals(0, cmd.execute("report", "--help"));
        assertTrue(out.toString().contains("2 the results file is missing"), out.toString());
        assertTrue(out.toString().contains("3 the file is not a fink-perf results file"), out.toString());
    }
}
