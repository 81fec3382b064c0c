package io.finkperf.runner.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unprivileged user of module containers and Spark workers, and the folders handed to it. */
class ContainerUserTest {

    @TempDir
    Path tmp;

    static int owner(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void isNeverRoot() throws IOException {
        ContainerUser u = ContainerUser.current();
        assertNotEquals(0, u.uid(), u.spec());
        int self = owner(Path.of("/proc/self"));
        assertEquals(self == 0 ? ContainerUser.NOBODY : new ContainerUser(self, u.gid()), u);
    }

    @Test
    void aFolderHandedOverBelongsToTheUserWithItsFilesAndKeepsItsPrivateMode() throws IOException {
        assumeTrue(owner(Path.of("/proc/self")) == 0, "only root can give a folder away");
        Path task = Files.createTempDirectory(tmp, "task-"); // rwx------, as PythonWorkerTask makes it
        Files.createDirectories(task.resolve("batch/chunk-00000"));
        Files.writeString(task.resolve("batch/chunk-00000/x.npy"), "x");
        Files.writeString(task.resolve("spec.json"), "{}");

        ContainerUser.NOBODY.handOver(task);

        for (Path p : new Path[] {task, task.resolve("batch"), task.resolve("batch/chunk-00000/x.npy"), task.resolve("spec.json")}) {
            assertEquals(65534, owner(p), p.toString());
            assertEquals(65534, (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS), p.toString());
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(task)),
                "owned, not opened to everyone");
    }

    @Test
    void aFolderTheUserAlreadyOwnsIsLeftAsItIs() throws IOException {
        Path mine = Files.createTempDirectory(tmp, "mine-");
        Files.writeString(mine.resolve("f"), "x");
        int me = owner(mine);
        new ContainerUser(me, 4242).handOver(mine);
        assertEquals(me, owner(mine.resolve("f")));
        assertNotEquals(4242, (Integer) Files.getAttribute(mine.resolve("f"), "unix:gid"), "not even its group changed");
    }
}
