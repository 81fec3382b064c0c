package io.finkperf.fetch;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves byte arrays on 127.0.0.1; can lie about Content-Length to simulate a connection that drops. */
public final class TestHttpServer implements AutoCloseable {

    private record Body(byte[] bytes, long announcedLength, int status) {
    }

    private final HttpServer server;
    private final Map<String, Body> bodies = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();

    public TestHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            hits.incrementAndGet();
            Body b = bodies.get(ex.getRequestURI().getPath());
            if (b == null) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            ex.sendResponseHeaders(b.status, b.announcedLength);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b.bytes);
            } catch (IOException ignored) {
                // a short body makes the server side complain too; that is the point
            }
            ex.close();
        });
        server.start();
    }

    public String serve(String path, byte[] bytes) {
        bodies.put(path, new Body(bytes, bytes.length, 200));
        return url(path);
    }

    /** Announces {@code announced} bytes but sends only {@code bytes}, then closes. */
    public String serveTruncated(String path, byte[] bytes, long announced) {
        bodies.put(path, new Body(bytes, announced, 200));
        return url(path);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int hits() {
        return hits.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
