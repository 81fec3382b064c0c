package io.finkperf.compare;

import io.finkperf.base.TimedProcess;
import io.finkperf.base.UntrustedGit;

import java.time.Duration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Throw-away worktrees of one git checkout, one per ref, removed on close. */
public final class GitCheckouts implements AutoCloseable {

    private final Path repo;
    private final Path parent;
    private final List<Path> made = new ArrayList<>();

    /** @param parent where the worktrees go (created if missing) */
    public GitCheckouts(Path repo, Path parent) {
        this.repo = repo.toAbsolutePath();
        this.parent = parent.toAbsolutePath();
    }

    /**
     * {@code ref}'s version of the checkout's folder: a detached worktree of the whole repository, and
     * in it the same subfolder the checkout folder is of its repository (a science folder may sit
     * inside a larger repository). IllegalArgumentException naming the ref when git refuses it.
     */
    public Path checkout(String ref, String label) {
        Path dir = parent.resolve(label);
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + parent + ": " + e.getMessage(), e);
        }
        git(List.of("worktree", "remove", "--force", dir.toString()));
        Result r = git(List.of("worktree", "add", "--detach", dir.toString(), ref));
        if (r.exit != 0) {
            throw new IllegalArgumentException("'" + ref + "' is neither a folder nor a git ref of " + repo + ": "
                    + r.lastLine());
        }
        made.add(dir);
        Result prefix = git(List.of("rev-parse", "--show-prefix"));
        String sub = prefix.exit == 0 ? prefix.out.strip() : "";
        return sub.isEmpty() ? dir : dir.resolve(sub).normalize();
    }

    /** The full commit id of {@code ref} in the repository, if git knows it. */
    public Optional<String> commit(String ref) {
        Result r = git(List.of("rev-parse", "--verify", "--quiet", ref + "^{commit}"));
        return r.exit == 0 ? Optional.of(r.out.strip()) : Optional.empty();
    }

    /** The commit checked out in {@code dir}, if it is a git checkout. */
    public static Optional<String> headCommit(Path dir) {
        Result r = run(UntrustedGit.command(dir, "rev-parse", "HEAD"));
        return r.exit == 0 ? Optional.of(r.out.strip()) : Optional.empty();
    }

    private Result git(List<String> args) {
        return run(UntrustedGit.command(repo, args.toArray(String[]::new)));
    }

    private record Result(int exit, String out) {
        String lastLine() {
            return out.strip().lines().reduce((a, b) -> b).orElse("exit " + exit);
        }
    }

    private static Result run(List<String> cmd) {
        try {
            return TimedProcess.run(new ProcessBuilder(cmd).redirectErrorStream(true), Duration.ofSeconds(120))
                    .map(o -> new Result(o.exit(), o.stdoutText())).orElse(new Result(-1, "git timed out"));
        } catch (IOException e) {
            return new Result(-1, "cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    @Override
    public void close() {
        for (Path dir : made) {
            git(List.of("worktree", "remove", "--force", dir.toString()));
        }
        git(List.of("worktree", "prune"));
    }
}
