package io.finkperf.compare;

import io.finkperf.base.Checks;
import io.finkperf.registry.ModuleRegistry;
import io.finkperf.registry.ModuleSpec;
import io.finkperf.results.ComparisonSide;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to compare, on which alerts, how many rounds, and where to write.
 *
 * @param callsPerRound consecutive calls per side and round (at least); the round's value is their median
 * @param minRound      a round of each side lasts at least this long: quick modules make more calls
 * @param warmup        calls per process before the rounds, not measured
 * @param retriesWhenNoisy a module too noisy to judge is measured again with fresh processes, this many times
 */
public record CompareRequest(
        ModuleRegistry registry,
        List<ModuleSpec> modules,
        ComparisonSide base,
        Path baseScience,
        ComparisonSide head,
        Path headScience,
        Path dataPath,
        String survey,
        long nAlerts,
        int chunkRows,
        int rounds,
        int callsPerRound,
        Duration minRound,
        int warmup,
        int retriesWhenNoisy,
        Duration timeout,
        boolean lineProfile,
        Judge judge,
        double rtol,
        Metric metric,
        Path outputDir) {

    public CompareRequest {
        modules = List.copyOf(modules);
        Checks.atLeast("rounds", rounds, 2);
        Checks.atLeast("calls per round", callsPerRound, 1);
        if (warmup < 1) {
            throw new IllegalArgumentException("warm-up calls must be >= 1 (the first call is the cold one), got " + warmup);
        }
    }

    /** What the verdict judges. */
    public enum Metric {
        /** The calling thread's CPU time: what the module costs, unmoved by neighbours taking the core. */
        cpu,
        /** The round trip as the JVM times it: also waits (I/O, locks, other threads). */
        wall
    }

    public Path workDir() {
        return outputDir.resolve(".work-compare");
    }
}
