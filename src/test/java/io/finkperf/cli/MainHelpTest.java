package io.finkperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.testing.FinkPerfCli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MainHelpTest {

    @Test
    void helpListsEveryExitCodeWithItsMeaning() {
        FinkPerfCli.Run r = FinkPerfCli.run("--help");
        assertEquals(0, r.exitCode());
        for (ExitCode c : ExitCode.values()) {
            assertTrue(r.stdout().contains(String.format("%2d  %s", c.code(), c.meaning())), c + " missing from\n" + r.stdout());
        }
        assertTrue(r.stdout().contains("gate"), "the gate command is listed");
    }

    @Test
    void everyCodeIsDistinct() {
        assertEquals(ExitCode.values().length,
                java.util.Arrays.stream(ExitCode.values()).mapToInt(ExitCode::code).distinct().count());
        assertEquals(ExitCode.NO_RESULTS, ExitCode.of(20));
        assertEquals(ExitCode.INTERNAL, ExitCode.of(137));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "profile", "compare", "history append"})
    void everyCommandPrintsTheToolVersion(String command) {
        String[] words = command.isEmpty() ? new String[0] : command.split(" ");
        String[] args = java.util.Arrays.copyOf(words, words.length + 1);
        args[words.length] = "-V";
        FinkPerfCli.Run r = FinkPerfCli.run(args);
        assertEquals(0, r.exitCode());
        assertEquals("fink-perf 0.1.0", r.stdout().strip(), "fink-perf " + command + " -V");
    }
}
