package io.finkperf.cli;

import io.finkperf.testing.FinkPerfCli;
import io.finkperf.testing.GoldenFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The {@code --help} of every command and subcommand, byte for byte: texts moved around must not change. */
// the help shows these variables' values as defaults
@DisabledIfEnvironmentVariable(named = "FINK_PERF_RUNNER", matches = ".+")
@DisabledIfEnvironmentVariable(named = "FINK_PERF_SPARK_MASTER", matches = ".+")
class HelpGoldenTest {

    static Stream<List<String>> commands() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), List.of(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine cmd, List<String> path, List<List<String>> out) {
        out.add(path);
        cmd.getSubcommands().forEach((name, sub) -> {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            collect(sub, subPath, out);
        });
    }

    @ParameterizedTest(name = "fink-perf {0} --help")
    @MethodSource("commands")
    void helpIsUnchanged(List<String> path) throws IOException {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        FinkPerfCli.Run r = FinkPerfCli.run(args);
        String name = String.join("-", Stream.concat(Stream.of("fink-perf"), path.stream()).toList());
        GoldenFiles.of("help").assertMatches(name, "exit " + r.exitCode() + "\n" + r.stdout() + r.stderr());
    }
}
