package io.finkperf.base;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A git command line on a checkout that is not trusted to run code through git: hooks and fsmonitor off. */
public final class UntrustedGit {

    private UntrustedGit() {
    }

    public static List<String> command(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "core.fsmonitor=", "-c", "core.hooksPath=/dev/null",
                "-C", dir.toString()));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }
}
