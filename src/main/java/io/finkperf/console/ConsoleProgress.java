package io.finkperf.console;

import io.finkperf.engine.RunProgress;
import java.io.PrintStream;
import java.io.PrintWriter;

/** A run's progress on the console: an updating bar on a terminal, plain lines anywhere else (CI logs, pipes). */
public interface ConsoleProgress extends RunProgress, AutoCloseable {

    /** Ends the bar, if any, leaving the cursor on a fresh line. */
    @Override
    void close();

    /** On stderr: the bar when this is an interactive terminal, else the plain lines. */
    static ConsoleProgress onStderr(boolean showModuleOutput) {
        return isTerminal() ? new BarProgress(System.err, showModuleOutput)
                : new PlainProgress(new PrintWriter(System.err, true), showModuleOutput);
    }

    /** {@link System#console()} is there only when both stdin and stdout are terminals; a dumb one cannot redraw. */
    static boolean isTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    /** The plain lines on {@code out}, whatever it is. */
    static ConsoleProgress plain(PrintStream out, boolean showModuleOutput) {
        return new PlainProgress(new PrintWriter(out, true), showModuleOutput);
    }
}
