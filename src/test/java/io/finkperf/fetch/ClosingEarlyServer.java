package io.finkperf.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Announces a Content-Length, sends part of the body, then closes the connection: a dropped download. */
final class ClosingEarlyServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread thread;

    ClosingEarlyServer(byte[] body, int sendBytes) throws IOException {
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            try (Socket s = socket.accept()) {
                s.getInputStream().read(new byte[8192]);
                OutputStream os = s.getOutputStream();
                os.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nContent-Type: application/gzip\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                os.write(body, 0, sendBytes);
                os.flush();
            } catch (IOException ignored) {
                // the test only cares about what the client saw
            }
        }, "closing-early-server");
        thread.setDaemon(true);
        thread.start();
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/a.tgz";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
