package io.finkperf.history;

import io.finkperf.base.TimedProcess;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.time.Duration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the bundled calibration workload ({@code python3 -m fink_perf_driver calibrate}) in a given Python. */
public final class Calibrator {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final long TIMEOUT_S = 300;

    private final String python;
    private final Path driverDir;
    private final int repeats;

    public Calibrator(String python, Path driverDir, int repeats) {
        this.python = python;
        this.driverDir = driverDir.toAbsolutePath();
        this.repeats = repeats;
    }

    public Calibration run() {
        List<String> cmd = new ArrayList<>(List.of(python, "-m", "fink_perf_driver", "calibrate", Integer.toString(repeats)));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("PYTHONPATH", driverDir.toString());
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        // one core, as the modules are timed
        for (String v : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) {
            env.put(v, "1");
        }
        try {
            TimedProcess.Output o = TimedProcess.run(pb, Duration.ofSeconds(TIMEOUT_S))
                    .orElseThrow(() -> fail("did not finish in " + TIMEOUT_S + " s"));
            if (o.exit() != 0) {
                throw fail(o.stderr().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("exit " + o.exit()));
            }
            Calibration c = JSON.readValue(o.stdout(), Calibration.class);
            if (!(c.seconds() > 0)) {
                throw fail("no time in its output");
            }
            return c;
        } catch (IOException e) {
            throw new HistoryException(HistoryException.Kind.CALIBRATION,
                    "calibration with " + python + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail("interrupted");
        }
    }

    private HistoryException fail(String why) {
        return new HistoryException(HistoryException.Kind.CALIBRATION, "calibration with " + python + " failed: " + why);
    }
}
