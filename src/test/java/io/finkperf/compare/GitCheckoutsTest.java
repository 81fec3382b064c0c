package io.finkperf.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finkperf.testing.TestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCheckoutsTest {

    @TempDir
    Path tmp;

    @Test
    void checkingOutARefRunsNoHookOfTheRepository() throws Exception {
        TestRepository science = new TestRepository(Files.createDirectories(tmp.resolve("science")));
        science.write("a.txt", "a");
        science.commit("a");
        Path repo = science.dir;
        Path marker = tmp.resolve("hook-ran");
        Path hook = repo.resolve(".git/hooks/post-checkout");
        Files.writeString(hook, "#!/bin/sh\ntouch " + marker + "\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (GitCheckouts checkouts = new GitCheckouts(repo, Files.createDirectories(tmp.resolve("trees")))) {
            Path tree = checkouts.checkout("HEAD", "base");
            assertEquals("a", Files.readString(tree.resolve("a.txt")));
        }
        assertFalse(Files.exists(marker), "the repository's post-checkout hook ran");
        // the control: git itself does run the hook, so the assertion above can fail
        new ProcessBuilder("git", "-C", repo.toString(), "worktree", "add", "-q", tmp.resolve("control").toString(), "HEAD")
                .redirectErrorStream(true).start().waitFor();
        assertTrue(Files.exists(marker), "the hook is live");
    }
}
