package io.finkperf.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCheckoutsTest {

    @TempDir
    Path tmp;

    @Test
    void checkingOutARefRunsNoHookOfTheRepository() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("science"));
        Path marker = tmp.resolve("hook-ran");
        git(repo, "init", "-q");
        Files.writeString(repo.resolve("a.txt"), "a");
        git(repo, "add", "a.txt");
        git(repo, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "-m", "a");
        Path hook = repo.resolve(".git/hooks/post-checkout");
        Files.writeString(hook, "#!/bin/sh\ntouch " + marker + "\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (GitCheckouts checkouts = new GitCheckouts(repo, Files.createDirectories(tmp.resolve("trees")))) {
            Path tree = checkouts.checkout("HEAD", "base");
            assertEquals("a", Files.readString(tree.resolve("a.txt")));
        }
        assertFalse(Files.exists(marker), "the repository's post-checkout hook ran");
        // the control: git itself does run the hook, so the assertion above can fail
        git(repo, "worktree", "add", "-q", tmp.resolve("control").toString(), "HEAD");
        assertTrue(Files.exists(marker), "the hook is live");
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }
}
