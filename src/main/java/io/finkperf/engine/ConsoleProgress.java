package io.finkperf.engine;

import io.finkperf.runner.DriverEvent;
import io.finkperf.runner.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/** Shows module i/n, loop j/k and elapsed time on stderr while modules run. */
public final class ConsoleProgress implements ProgressListener {

    private final PrintStream out;
    private final boolean showModuleOutput;
    private final long start = System.nanoTime();
    private int index;
    private int total;

    public ConsoleProgress(PrintStream out, boolean showModuleOutput) {
        this.out = out;
        this.showModuleOutput = showModuleOutput;
    }

    public void startModule(int index, int total, String module, String what) {
        this.index = index;
        this.total = total;
        out.printf(Locale.ROOT, "[%d/%d] %s: %s (elapsed %.1f s)%n", index, total, module, what, elapsed());
        out.flush();
    }

    public void message(String text) {
        out.printf(Locale.ROOT, "%s (elapsed %.1f s)%n", text, elapsed());
        out.flush();
    }

    @Override
    public void onEvent(String module, DriverEvent e) {
        if ("loop".equals(e.event())) {
            out.printf(Locale.ROOT, "[%d/%d] %s: %s loop %d/%d %.4f s (elapsed %.1f s)%n", index, total, module,
                    e.kind(), e.index(), e.total(), e.nanos() / 1e9, elapsed());
        } else if ("phase".equals(e.event())) {
            out.printf(Locale.ROOT, "[%d/%d] %s: %s (elapsed %.1f s)%n", index, total, module, e.kind(), elapsed());
        }
        out.flush();
    }

    @Override
    public void onLogLine(String module, String line) {
        if (showModuleOutput) {
            out.println("  " + module + " | " + line);
            out.flush();
        }
    }

    private double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }
}
