package io.finkperf.runner.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The unprivileged user module containers run as: the JVM's own uid:gid, so that what a module
 * writes into its output folder is the user's; when fink-perf runs as root, {@code nobody}, with the
 * output folders opened to it.
 */
record ContainerUser(int uid, int gid) {

    static final ContainerUser NOBODY = new ContainerUser(65534, 65534);

    static ContainerUser current() {
        try {
            int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            int gid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid");
            return uid == 0 ? NOBODY : new ContainerUser(uid, gid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return NOBODY;
        }
    }

    String spec() {
        return uid + ":" + gid;
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
