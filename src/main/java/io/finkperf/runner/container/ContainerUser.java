package io.finkperf.runner.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The unprivileged user module containers run as: the JVM's own uid:gid, so that what a module
 * writes into its output folder is the user's; when fink-perf runs as root, {@code nobody}, with the
 * output folders opened to it.
 */
public record ContainerUser(int uid, int gid) {

    public static final ContainerUser NOBODY = new ContainerUser(65534, 65534);

    /** The JVM's own uid:gid, or {@link #NOBODY} when it is root (or cannot be read). */
    public static ContainerUser current() {
        try {
            int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            int gid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid");
            return uid == 0 ? NOBODY : new ContainerUser(uid, gid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return NOBODY;
        }
    }

    public String spec() {
        return uid + ":" + gid;
    }

    /**
     * Gives this user a folder fink-perf made for it alone and everything in it, when it is not their
     * owner (fink-perf as root): only that user, and root, can then write there, unlike
     * {@link #grantWrite}'s open mode. Links are not followed (there are none in a folder just made).
     */
    public void handOver(Path dir) throws IOException {
        if ((Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS) == uid) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    /** Lets this user write into {@code dir} when it is not the folder's owner (fink-perf as root). */
    void grantWrite(Path dir) {
        try {
            int owner = (Integer) Files.getAttribute(dir, "unix:uid");
            if (owner != uid) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // the run then fails to write its result, which the outcome reports
        }
    }
}
