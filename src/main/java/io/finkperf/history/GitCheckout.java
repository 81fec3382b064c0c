package io.finkperf.history;

import io.finkperf.base.TimedProcess;
import io.finkperf.base.UntrustedGit;

import java.time.Duration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The git commands history needs, on a science checkout. Every call disables hooks and fsmonitor:
 * a checkout under test is not trusted to run code through git.
 */
public final class GitCheckout {

    private static final long TIMEOUT_S = 300;

    private final Path dir;

    public GitCheckout(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    public boolean isRepository() {
        try {
            return git("rev-parse", "--is-inside-work-tree").trim().equals("true");
        } catch (HistoryException e) {
            return false;
        }
    }

    /** The checkout's HEAD, or empty when it is not a git checkout. */
    public Optional<CommitInfo> head(String describe) {
        return isRepository() ? Optional.of(commit("HEAD", describe)) : Optional.empty();
    }

    public CommitInfo commit(String rev, String describe) {
        String[] f = git("show", "-s", "--format=%H%x00%cI%x00%s", rev + "^{commit}").strip().split("\u0000", 3);
        List<String> tags = lines(git("tag", "--points-at", f[0], "--sort=-creatordate"));
        return new CommitInfo(f[0], f[1], describe, f.length > 2 ? f[2] : "", tags);
    }

    /**
     * The commits of {@code range} (git's A..B: B and its ancestors not in A, first-parent line),
     * oldest first; every {@code every}-th of them (the newest always kept), or only the tagged ones.
     */
    public List<String> commits(String range, int every, boolean tagsOnly) {
        if (!range.contains("..")) {
            throw new HistoryException(HistoryException.Kind.BAD_INPUT, "--backfill wants a range REF1..REF2, got '" + range + "'");
        }
        List<String> all = lines(git("rev-list", "--reverse", "--first-parent", range));
        if (tagsOnly) {
            List<String> out = new ArrayList<>();
            for (String sha : all) {
                if (!lines(git("tag", "--points-at", sha)).isEmpty()) {
                    out.add(sha);
                }
            }
            return out;
        }
        List<String> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i -= every) {
            out.add(0, all.get(i));
        }
        return out;
    }

    /** A throw-away detached worktree at {@code sha}, under {@code parent}. */
    public Path addWorktree(Path parent, String sha) {
        Path wt = parent.resolve("wt-" + sha.substring(0, Math.min(12, sha.length())));
        git("worktree", "add", "--detach", "--force", wt.toString(), sha);
        return wt;
    }

    /** Forgets worktrees whose folder is gone (a backfill killed before it could remove its own). */
    public void pruneWorktrees() {
        git("worktree", "prune");
    }

    public void removeWorktree(Path wt) {
        git("worktree", "remove", "--force", wt.toString());
    }

    public String describe(Path worktree) {
        return new GitCheckout(worktree).git("describe", "--always", "--dirty", "--tags").strip();
    }

    String git(String... args) {
        List<String> cmd = UntrustedGit.command(dir, args);
        try {
            TimedProcess.Output o = TimedProcess.run(new ProcessBuilder(cmd), Duration.ofSeconds(TIMEOUT_S)).orElseThrow(
                    () -> new HistoryException(HistoryException.Kind.GIT, "git " + args[0] + " in " + dir + " timed out"));
            if (o.exit() != 0) {
                List<String> errLines = o.stderr().strip().lines().toList();
                String msg = errLines.stream().filter(l -> l.startsWith("fatal:") || l.startsWith("error:")).findFirst()
                        .orElse(errLines.isEmpty() ? "exit " + o.exit() : errLines.get(0));
                throw new HistoryException(HistoryException.Kind.GIT, "git " + String.join(" ", args) + " in " + dir + ": " + msg);
            }
            return o.stdoutText();
        } catch (IOException e) {
            throw new HistoryException(HistoryException.Kind.GIT, "cannot run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistoryException(HistoryException.Kind.GIT, "interrupted while running git");
        }
    }

    private static List<String> lines(String s) {
        return s.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
