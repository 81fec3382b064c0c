package io.finkperf.transfer;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A real tmpfs of a few MB mounted on a folder, so writes end in ENOSPC as on a full disk. Mounts
 * directly as root, else through {@code sudo -n} (GitHub's runners allow it). Where neither works,
 * the test fails on CI (a disk-full test that silently did not run proves nothing) and is aborted,
 * with the reason, elsewhere.
 */
final class TinyFilesystem implements AutoCloseable {

    private final Path dir;
    private final List<String> sudo;

    private TinyFilesystem(Path dir, List<String> sudo) {
        this.dir = dir;
        this.sudo = sudo;
    }

    static TinyFilesystem mount(Path dir, long bytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String owner = "uid=" + id("-u") + ",gid=" + id("-g");
        String options = "size=" + bytes + ",mode=0755," + owner;
        List<String> failures = new ArrayList<>();
        for (List<String> prefix : List.of(List.<String>of(), List.of("sudo", "-n"))) {
            List<String> cmd = new ArrayList<>(prefix);
            cmd.addAll(List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString()));
            Result r = exec(cmd);
            if (r.code == 0) {
                System.err.println("TinyFilesystem: tmpfs of " + bytes + " bytes on " + dir + " via " + String.join(" ", cmd));
                return new TinyFilesystem(dir, prefix);
            }
            failures.add(String.join(" ", cmd) + ": " + r.output.strip());
        }
        String why = "cannot mount a small tmpfs to fill (needs root or passwordless sudo): " + String.join("; ", failures);
        if (System.getenv("CI") != null) {
            fail(why);
        }
        Assumptions.abort(why);
        throw new AssertionError("unreachable");
    }

    Path dir() {
        return dir;
    }

    /** Fills all but {@code room} bytes with one file; deleting it frees the space again. */
    Path fillLeaving(long room) throws IOException {
        long usable = Files.getFileStore(dir).getUsableSpace();
        if (usable <= room) {
            throw new IllegalStateException("only " + usable + " bytes free on " + dir + ", wanted to leave " + room);
        }
        Path filler = dir.resolve("filler.bin");
        byte[] block = new byte[1 << 16];
        try (var out = Files.newOutputStream(filler)) {
            for (long left = usable - room; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return filler;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(sudo);
        cmd.addAll(List.of("umount", dir.toString()));
        Result r = exec(cmd);
        if (r.code != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + r.output.strip());
        }
    }

    private static String id(String flag) throws IOException, InterruptedException {
        return exec(List.of("id", flag)).output.strip();
    }

    private record Result(int code, String output) {
    }

    private static Result exec(List<String> cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes());
        return new Result(p.waitFor(), out);
    }
}
