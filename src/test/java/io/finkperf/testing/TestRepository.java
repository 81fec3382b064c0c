package io.finkperf.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A throw-away git repository of the bundled example modules, built commit by commit with fixed dates. */
public final class TestRepository {

    public final Path dir;
    private int commits;

    public TestRepository(Path dir) throws IOException {
        this.dir = dir;
        git("init", "-q", "-b", "main");
        git("config", "user.email", "test@fink-perf");
        git("config", "user.name", "fink-perf test");
    }

    public void copyTree(Path from) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                if (p.toString().contains("__pycache__")) {
                    continue;
                }
                Path to = dir.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    public void write(String path, String text) throws IOException {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), text, StandardCharsets.UTF_8);
    }

    public String read(String path) throws IOException {
        return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
    }

    /** Commits everything, one day after the previous commit; returns the sha. */
    public String commit(String message) throws IOException {
        git("add", "-A");
        String date = String.format("2026-01-%02dT12:00:00+00:00", ++commits);
        run(Map.of("GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date), "commit", "-q", "--allow-empty", "-m", message);
        return git("rev-parse", "HEAD").strip();
    }

    public void tag(String name) throws IOException {
        git("tag", name);
    }

    public String git(String... args) throws IOException {
        return run(Map.of(), args);
    }

    private String run(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "core.hooksPath=/dev/null", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("git " + String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out;
    }
}
