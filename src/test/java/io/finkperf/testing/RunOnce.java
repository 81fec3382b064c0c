package io.finkperf.testing;

import io.finkperf.results.ResultsJson;
import io.finkperf.results.RunResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One command run once for all the tests of a class, in this JVM, writing into a temporary output
 * folder: the tests read its exit and output in {@link #run} and its {@code results.json} in
 * {@link #results}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RunOnce {

    protected Path out;
    protected FinkPerfCli.Run run;
    protected RunResults results;

    /** The command line, which names {@code out} as its output folder. */
    protected abstract List<String> command(Path out);

    @BeforeAll
    protected void runOnce(@TempDir Path dir) throws IOException {
        out = dir;
        run = FinkPerfCli.run(command(out));
        results = ResultsJson.read(out.resolve("results.json"));
    }
}
