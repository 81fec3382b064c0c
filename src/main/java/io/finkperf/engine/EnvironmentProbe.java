package io.finkperf.engine;

import io.finkperf.results.Environment;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the facts a reader of results needs: CPU, memory, versions, which science code. */
public final class EnvironmentProbe {

    private static final Pattern VERSION = Pattern.compile("__version__\\s*=\\s*[\"']([^\"']+)[\"']");

    private EnvironmentProbe() {
    }

    public static Environment probe(Path scienceDir, Path data, String dataSchema, String survey,
                                    Map<String, Object> python, Map<String, Object> runner) {
        return new Environment(cpuModel(), Runtime.getRuntime().availableProcessors(), memoryBytes(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version"), hostname(),
                scienceDir.toAbsolutePath().normalize().toString(), gitRef(scienceDir).orElse("unknown"),
                scienceVersion(scienceDir).orElse("unknown"),
                data.toString(), dataSchema, survey, python, runner);
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    static long memoryBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024L;
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // unknown
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The tag or commit of the science checkout, read without running git (see {@link GitHead}). */
    public static Optional<String> gitRef(Path dir) {
        return GitHead.describe(dir);
    }

    /** {@code fink_science.__version__}, read from the source without importing it. */
    public static Optional<String> scienceVersion(Path scienceDir) {
        Path init = scienceDir.resolve("fink_science").resolve("__init__.py");
        try {
            Matcher m = VERSION.matcher(Files.readString(init));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
