package io.finkperf.testing;

import io.finkperf.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.util.List;

/** The command line in this JVM, its output captured, as the integration tests drive it. */
public final class FinkPerfCli {

    public record Run(int exitCode, String stdout, String stderr) {
    }

    private FinkPerfCli() {
    }

    public static Run run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var cmd = Main.commandLine();
        cmd.setErr(new PrintWriter(err, true));
        cmd.setOut(new PrintWriter(out, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    public static Run run(List<String> args) {
        return run(args.toArray(new String[0]));
    }
}
