package io.finkperf.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The commit (or the tag on it) a science checkout is at, read from its {@code .git} files without
 * running git: the checkout may come from a pull request, and its {@code .git/config} could make
 * git run commands ({@code core.fsmonitor}, clean filters, hooks). Only 40-hex ids and plain ref
 * names are read back, at most 1 MiB per file, so no other content of the host ever ends up in results.
 */
public final class GitHead {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern REF = Pattern.compile("refs/[A-Za-z0-9._/-]{1,200}");
    private static final long MAX_FILE = 1L << 20;

    private GitHead() {
    }

    /** {@code <tag>} when a tag points at HEAD, else the 12-character commit id; empty when not a plain checkout. */
    public static Optional<String> describe(Path checkout) {
        Path git = checkout.resolve(".git");
        if (!Files.isDirectory(git, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Optional<String> sha = head(git);
        return sha.map(s -> tagOf(git, s).orElse(s.substring(0, 12)));
    }

    static Optional<String> head(Path git) {
        String head = read(git.resolve("HEAD")).strip();
        if (SHA.matcher(head).matches()) {
            return Optional.of(head);
        }
        if (head.startsWith("ref: ") && REF.matcher(head.substring(5)).matches() && !head.contains("..")) {
            return resolve(git, head.substring(5));
        }
        return Optional.empty();
    }

    private static Optional<String> resolve(Path git, String ref) {
        String loose = read(git.resolve(ref)).strip();
        if (SHA.matcher(loose).matches()) {
            return Optional.of(loose);
        }
        for (String line : read(git.resolve("packed-refs")).split("\n")) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 2 && parts[1].equals(ref) && SHA.matcher(parts[0]).matches()) {
                return Optional.of(parts[0]);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> tagOf(Path git, String sha) {
        String previousTag = null;
        for (String line : read(git.resolve("packed-refs")).split("\n")) {
            String l = line.strip();
            if (l.startsWith("^") && l.substring(1).equals(sha) && previousTag != null) {
                return Optional.of(previousTag);
            }
            String[] parts = l.split(" ");
            previousTag = parts.length == 2 && parts[1].startsWith("refs/tags/") ? tagName(parts[1]) : null;
            if (previousTag != null && parts[0].equals(sha)) {
                return Optional.of(previousTag);
            }
        }
        Path tags = git.resolve("refs/tags");
        if (Files.isDirectory(tags, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> files = Files.list(tags)) {
                return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                        .filter(f -> read(f).strip().equals(sha))
                        .map(f -> tagName("refs/tags/" + f.getFileName()))
                        .filter(t -> t != null)
                        .sorted().findFirst();
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String tagName(String ref) {
        String name = ref.substring("refs/tags/".length());
        return REF.matcher(ref).matches() && !name.contains("..") ? name : null;
    }

    private static String read(Path f) {
        try {
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || Files.size(f) > MAX_FILE) {
                return "";
            }
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
