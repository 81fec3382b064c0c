package io.finkperf.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster for tests: a Master and a Worker, each its own JVM started from
 * fink-perf's build (target/classes and target/lib, which holds Spark's jars), on free loopback
 * ports. The Worker starts executors through Spark's launcher, which needs {@code $SPARK_HOME/jars}:
 * a shim SPARK_HOME links it to target/lib, as scripts/spark-standalone.sh does.
 */
final class StandaloneSparkCluster implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String LOG4J = String.join("\n",
            "rootLogger.level = warn",
            "rootLogger.appenderRef.stderr.ref = console",
            "appender.console.type = Console",
            "appender.console.name = console",
            "appender.console.target = SYSTEM_ERR",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n",
            "logger.deploy.name = org.apache.spark.deploy",
            "logger.deploy.level = info", "");

    private final Path dir;
    private final int masterPort;
    private final int webUiPort;
    private final int workerCores;
    private final List<Process> processes = new ArrayList<>();

    private StandaloneSparkCluster(Path dir, int workerCores) throws IOException {
        this.dir = dir;
        this.workerCores = workerCores;
        this.masterPort = freePort();
        this.webUiPort = freePort();
    }

    /** Starts Master and Worker under {@code dir} (logs, SPARK_HOME, work dir) and waits for the worker. */
    static StandaloneSparkCluster start(Path projectDir, Path dir, int workerCores, String workerMemory) throws IOException {
        StandaloneSparkCluster c = new StandaloneSparkCluster(dir, workerCores);
        try {
            Path target = projectDir.resolve("target").toAbsolutePath();
            Path home = Files.createDirectories(dir.resolve("spark-home"));
            Files.createSymbolicLink(home.resolve("jars"), target.resolve("lib"));
            Files.writeString(Files.createDirectories(home.resolve("conf")).resolve("log4j2.properties"), LOG4J);
            String classpath = target.resolve("classes") + java.io.File.pathSeparator + target.resolve("lib") + "/*";
            c.launch("master", home, classpath, "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", String.valueOf(c.masterPort), "--webui-port", String.valueOf(c.webUiPort));
            c.launch("worker", home, classpath, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--webui-port", String.valueOf(freePort()), "--cores", String.valueOf(workerCores),
                    "--memory", workerMemory, "--work-dir", Files.createDirectories(dir.resolve("work")).toString(), c.url());
            c.awaitWorker();
            return c;
        } catch (IOException | RuntimeException e) {
            String logs = c.logs();
            c.close();
            throw new IllegalStateException("standalone cluster did not start:\n" + logs, e);
        }
    }

    String url() {
        return "spark://127.0.0.1:" + masterPort;
    }

    int workerCores() {
        return workerCores;
    }

    private void launch(String name, Path sparkHome, String classpath, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        // The --add-opens flags this test JVM runs with (pom's jvm.opens): Spark needs them on Java 17.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-opens")).forEach(cmd::add);
        cmd.add("-Dlog4j2.configurationFile=" + sparkHome.resolve("conf/log4j2.properties"));
        cmd.addAll(List.of("-cp", classpath, mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        // Spark's launcher asks for the Scala version to find jars; a shim home has no build dirs to infer it from.
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        processes.add(pb.start());
    }

    /** Polls the master's JSON status page until a worker is ALIVE. */
    private void awaitWorker() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webUiPort + "/json/"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a cluster JVM exited with code " + p.exitValue());
                }
            }
            try {
                JsonNode s = JSON.readTree(http.send(status, HttpResponse.BodyHandlers.ofString()).body());
                if (s.path("aliveworkers").asInt() > 0) {
                    return;
                }
            } catch (IOException notUpYet) {
                // the master's web UI is not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException("no worker registered with " + url() + " in " + START_TIMEOUT.toSeconds() + " s");
    }

    /** Master and worker logs, then every executor's stderr. */
    String logs() {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".log") || f.getFileName().toString().equals("stderr"))
                    .sorted().toList()) {
                b.append("==> ").append(dir.relativize(f)).append(" <==\n").append(Files.readString(f)).append('\n');
            }
        } catch (IOException | UncheckedIOException e) {
            b.append("(cannot read logs: ").append(e).append(")\n");
        }
        return b.toString();
    }

    /** Worker first (it stops its executors), then master. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
