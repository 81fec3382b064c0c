package io.finkperf.history;

import io.finkperf.testing.TestRepository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCheckoutTest {

    @TempDir
    Path dir;
    TestRepository repo;
    GitCheckout git;
    String base;
    List<String> shas = new ArrayList<>();

    @BeforeEach
    void fiveCommitsAfterABase() throws Exception {
        repo = new TestRepository(Files.createDirectories(dir.resolve("repo")));
        repo.write("a.txt", "0");
        base = repo.commit("base");
        for (int i = 1; i <= 5; i++) {
            repo.write("a.txt", Integer.toString(i));
            shas.add(repo.commit("change " + i));
            if (i == 2 || i == 4) {
                repo.tag("v0." + i);
            }
        }
        git = new GitCheckout(repo.dir);
    }

    @Test
    void aRangeIsItsCommitsOldestFirst() {
        assertEquals(shas, git.commits(base + "..HEAD", 1, false));
    }

    @Test
    void everyKthKeepsTheNewest() {
        assertEquals(List.of(shas.get(0), shas.get(2), shas.get(4)), git.commits(base + "..HEAD", 2, false));
        assertEquals(List.of(shas.get(1), shas.get(4)), git.commits(base + "..HEAD", 3, false));
    }

    @Test
    void tagsOnly() {
        assertEquals(List.of(shas.get(1), shas.get(3)), git.commits(base + "..HEAD", 1, true));
    }

    @Test
    void commitInfoHasDateSubjectAndTags() {
        CommitInfo c = git.commit(shas.get(3), "v0.4");
        assertEquals(shas.get(3), c.sha());
        assertEquals("2026-01-05T12:00:00+00:00", c.date());
        assertEquals("change 4", c.subject());
        assertEquals(List.of("v0.4"), c.tags());
        assertEquals("v0.4", c.label());
    }

    @Test
    void badRangesAreNamed() {
        HistoryException notARange = assertThrows(HistoryException.class, () -> git.commits("HEAD", 1, false));
        assertEquals(HistoryException.Kind.BAD_INPUT, notARange.kind());
        HistoryException unknown = assertThrows(HistoryException.class, () -> git.commits("nope..HEAD", 1, false));
        assertEquals(HistoryException.Kind.GIT, unknown.kind());
        assertTrue(unknown.getMessage().contains("fatal:"), unknown.getMessage());
    }

    @Test
    void worktreesComeAndGoWithoutRunningTheCheckoutsHooks() throws Exception {
        Path marker = dir.resolve("hook-ran");
        Path hook = repo.dir.resolve(".git/hooks/post-checkout");
        Files.writeString(hook, "#!/bin/sh\ntouch '" + marker + "'\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path wt = git.addWorktree(Files.createDirectories(dir.resolve("work")), shas.get(1));
        assertEquals("2", Files.readString(wt.resolve("a.txt")));
        assertEquals("v0.2", git.describe(wt));
        git.removeWorktree(wt);
        assertFalse(Files.exists(wt));
        assertFalse(Files.exists(marker), "git ran the checkout's post-checkout hook");
    }

    @Test
    void aPlainFolderIsNoRepository() throws Exception {
        assertFalse(new GitCheckout(Files.createDirectories(dir.resolve("plain"))).isRepository());
        assertTrue(new GitCheckout(Files.createDirectories(dir.resolve("plain"))).head(null).isEmpty());
    }
}
