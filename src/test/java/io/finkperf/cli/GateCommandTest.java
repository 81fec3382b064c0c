package io.finkperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.finkperf.testing.FinkPerfCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code fink-perf gate}: every decision's exit code and its one line. */
class GateCommandTest {

    @TempDir
    Path dir;

    /** One module, 100 alerts in 4 s: 25 alerts/s/core. */
    Path results(String status) throws IOException {
        return Files.writeString(dir.resolve("results.json"), """
                {"schema": "fink-perf/results/1", "modules": [
                  {"name": "lc", "status": "%s", "nAlerts": 100, "samplesNs": [4000000000],
                   "error": {"kind": "timeout", "message": "module 'lc' timed out after 600 s"}}]}
                """.formatted(status));
    }

    FinkPerfCli.Run gate(String... args) throws IOException {
        String[] all = new String[args.length + 3];
        all[0] = "gate";
        all[1] = "--results";
        all[2] = dir.resolve("results.json").toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return FinkPerfCli.run(all);
    }

    @ParameterizedTest
    @CsvSource({
        "min-throughput:30, 0, 12, fink-perf: below min-throughput 30 alerts/s/core: lc (25)",
        "min-throughput:30, 5, 5, fink-perf: fink-perf profile failed with exit code 5",
        "error, 6, 6, fink-perf: fink-perf profile failed with exit code 6",
        "error, 137, 1, fink-perf: fink-perf profile failed with exit code 137"})
    void theActionsCallsFailWithTheRightCode(String failOn, String profileExit, int code, String line) throws IOException {
        results("OK");
        FinkPerfCli.Run r = gate("--fail-on", failOn, "--profile-exit", profileExit);
        assertEquals(code, r.exitCode(), r.stderr());
        assertEquals(line, r.stderr().strip());
    }

    @Test
    void anEmptyProfileExitMeansProfilingDidNotRun() throws IOException {
        results("OK");
        FinkPerfCli.Run r = gate("--fail-on", "error", "--profile-exit", "");
        assertEquals(ExitCode.NO_RESULTS.code(), r.exitCode(), r.stderr());
        assertEquals("fink-perf: profiling did not run", r.stderr().strip());
    }

    @Test
    void aPassSaysWhyOnStdout() throws IOException {
        results("OK");
        FinkPerfCli.Run r = gate("--fail-on", "min-throughput:25", "--profile-exit", "0");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("fink-perf: every module is at or above 25 alerts/s/core", r.stdout().strip());
        assertEquals("fink-perf: fail-on never (profile exit code 9)",
                gate("--fail-on", "never", "--profile-exit", "9").stdout().strip());
    }

    @Test
    void withoutTheProfileExitAFailedModuleGivesItsOwnCode() throws IOException {
        results("TIMEOUT");
        FinkPerfCli.Run r = gate();
        assertEquals(ExitCode.TIMEOUT.code(), r.exitCode(), r.stderr());
        assertEquals("fink-perf: module 'lc' failed: timeout (module 'lc' timed out after 600 s)", r.stderr().strip());
    }

    @Test
    void noResultsFileIsNothingToJudge() throws IOException {
        assertEquals(ExitCode.NO_RESULTS.code(), gate("--fail-on", "min-throughput:1", "--profile-exit", "0").exitCode());
    }

    @Test
    void otherJsonIsBadData() throws IOException {
        Files.writeString(dir.resolve("results.json"), "{\"name\": \"x\"}");
        assertEquals(ExitCode.DATA.code(), gate().exitCode());
    }

    @ParameterizedTest
    @CsvSource({"--fail-on, fast", "--profile-exit, five"})
    void badValuesAreUsageErrorsNamingThem(String option, String value) throws IOException {
        results("OK");
        FinkPerfCli.Run r = gate(option, value);
        assertEquals(ExitCode.USAGE.code(), r.exitCode());
        assertEquals(true, r.stderr().contains("'" + value + "'"), r.stderr());
    }
}
