package io.finkperf.engine;

import io.finkperf.results.RunResults;
import io.finkperf.runner.ModuleRunner;

/**
 * The one way to run modules, for every command: the direct pass through the runner (batch once,
 * producers first, a module per driver process), then, if asked, the scale pass and the Spark pass
 * on the same batch.
 * Owns the runner, so one session can serve several runs (a scale sweep, a comparison).
 */
public final class ProfileSession implements AutoCloseable {

    private final ModuleRunner runner;
    private final RunProgress progress;

    public ProfileSession(ModuleRunner runner, RunProgress progress) {
        this.runner = runner;
        this.progress = progress;
    }

    /** Runs the request; {@code listener} hears of every finished module, so results can be written as they come. */
    public RunResults run(RunRequest request, RunListener listener) {
        ProfileEngine direct = new ProfileEngine(runner, progress, (soFar, m) -> listener.resultsSoFar(soFar), request.energy(),
                request.offline(), listener::readiness);
        RunResults results = direct.run(request.profile());
        if (request.scale() != null) {
            results = new ScaleEngine(runner, progress, listener).run(request.profile(), request.scale(), request.energy(), results);
        }
        listener.directPassFinished(results);
        if (request.spark() == null) {
            return results;
        }
        return SparkPass.after(results, request.profile(), request.spark(), progress, listener);
    }

    @Override
    public void close() {
        runner.close();
    }
}
