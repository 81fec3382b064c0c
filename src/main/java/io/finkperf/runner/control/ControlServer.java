package io.finkperf.runner.control;

import io.finkperf.runner.BoundedLines;
import io.finkperf.runner.RunnerException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The Unix socket a run's supervisor connects to ({@code FINK_PERF_CONTROL}). Exactly one
 * connection is accepted, then the socket is closed and removed, so module code started later
 * cannot open a channel of its own. Lines are bounded.
 */
public final class ControlServer implements AutoCloseable {

    public static final String ENV = "FINK_PERF_CONTROL";
    public static final String SOCKET_NAME = "control.sock";
    private static final int MAX_LINE = 64 * 1024;

    private final Path dir;
    private final Path socket;
    private final ServerSocketChannel server;
    private final ControlLog log;
    private final List<SocketChannel> connections = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();
    private final Thread acceptor;

    private ControlServer(Path dir, ControlLog log) throws IOException {
        this.dir = dir;
        this.socket = dir.resolve(SOCKET_NAME);
        this.log = log;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        // the container user may be another uid: it needs to traverse the folder and write the socket
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
        this.acceptor = new Thread(this::accept, "control-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A fresh socket in a private short-named folder (socket paths are limited to ~100 bytes). */
    public static ControlServer open(ControlLog log) {
        try {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "fpc-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            return new ControlServer(dir, log);
        } catch (IOException e) {
            throw new RunnerException(RunnerException.Kind.IO, "cannot open the control socket: " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path socket() {
        return socket;
    }

    private void accept() {
        try {
            SocketChannel c = server.accept();
            closeServer();
            synchronized (connections) {
                connections.add(c);
            }
            log.connect(line -> send(c, line));
            Thread t = new Thread(() -> BoundedLines.drain(Channels.newInputStream(c), MAX_LINE, log::receive),
                    "control-reader");
            t.setDaemon(true);
            synchronized (readers) {
                readers.add(t);
            }
            t.start();
        } catch (IOException ignored) {
            // closed before both connected: the run ended early, the outcome says how
        } finally {
            closeServer();
        }
    }

    /** One request line to the supervisor; a closed channel (the run ended) drops it. */
    private static void send(SocketChannel c, String line) {
        ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (buf.hasRemaining()) {
                c.write(buf);
            }
        } catch (IOException ignored) {
            // the supervisor is gone: its absence is judged from what it did (not) report
        }
    }

    private void closeServer() {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // best effort: the folder goes at close()
        }
    }

    /** Waits up to {@code millis} for the supervisor to connect, report and close its end. */
    public void awaitEnd(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        try {
            acceptor.join(Math.max(1, deadline - System.currentTimeMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        closeServer();
        List<Thread> ts;
        synchronized (readers) {
            ts = List.copyOf(readers);
        }
        for (Thread t : ts) {
            try {
                t.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        closeServer();
        synchronized (connections) {
            for (SocketChannel c : connections) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // already closed by the peer
                }
            }
        }
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a leftover empty folder in the temp dir is harmless
        }
    }
}
