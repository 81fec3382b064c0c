package io.finkperf.base;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A short helper process (git, {@code podman inspect}, the calibration) run to its end within a timeout. Its
 * output goes to files read afterwards: reading a pipe first would block past the timeout on a child that
 * hangs with its output open.
 */
public final class TimedProcess {

    /** @param stderr empty when the builder merged or redirected it elsewhere */
    public record Output(int exit, byte[] stdout, String stderr) {

        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private TimedProcess() {
    }

    /** {@code pb}'s output, or empty when it did not finish within {@code timeout} (it is then killed). */
    public static Optional<Output> run(ProcessBuilder pb, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile("fink-perf-out", ".txt");
        Path err = Files.createTempFile("fink-perf-err", ".txt");
        try {
            pb.redirectOutput(out.toFile());
            if (!pb.redirectErrorStream() && pb.redirectError() == ProcessBuilder.Redirect.PIPE) {
                pb.redirectError(err.toFile());
            }
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(new Output(p.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8)));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
