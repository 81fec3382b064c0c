package io.finkperf.console;

import io.finkperf.runner.DriverEvent;
import java.io.PrintWriter;
import java.util.Locale;

/** A line per stage, module, phase and loop, with the elapsed time: for logs (CI) and pipes. */
public final class PlainProgress implements ConsoleProgress {

    private final PrintWriter out;
    private final boolean showModuleOutput;
    private final long start = System.nanoTime();
    private int index;
    private int total;

    public PlainProgress(PrintWriter out, boolean showModuleOutput) {
        this.out = out;
        this.showModuleOutput = showModuleOutput;
    }

    @Override
    public void message(String text) {
        out.printf(Locale.ROOT, "%s (elapsed %.1f s)%n", text, elapsed());
        out.flush();
    }

    @Override
    public void moduleStarted(int index, int total, String module, String what) {
        moduleLine(index, total, module, what);
    }

    @Override
    public void moduleFinished(int index, int total, String module, String summary) {
        moduleLine(index, total, module, summary);
    }

    private void moduleLine(int index, int total, String module, String what) {
        this.index = index;
        this.total = total;
        out.printf(Locale.ROOT, "[%d/%d] %s: %s (elapsed %.1f s)%n", index, total, module, what, elapsed());
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

    @Override
    public void close() {
        out.flush();
    }

    private double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }
}
