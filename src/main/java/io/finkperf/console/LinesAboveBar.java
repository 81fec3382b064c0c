package io.finkperf.console;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;

/**
 * The library's single-line console consumer (it redraws the bar after a carriage return), plus
 * lines printed above the bar: a line overwrites the bar, padded to its width, and the bar is drawn
 * again below it.
 */
class LinesAboveBar extends ConsoleProgressBarConsumer {

    private final PrintStream out;
    private String lastBar;
    private boolean onBarLine;

    LinesAboveBar(PrintStream out, int maxRenderedLength) {
        super(out, maxRenderedLength);
        this.out = out;
    }

    @Override
    public synchronized void accept(String rendered) {
        lastBar = rendered;
        onBarLine = true;
        super.accept(rendered);
        out.flush();
    }

    synchronized void printAbove(String line) {
        int width = lastBar == null ? 0 : Math.min(lastBar.length(), getMaxRenderedLength());
        out.print('\r' + line + " ".repeat(Math.max(0, width - line.length())) + System.lineSeparator());
        if (lastBar != null) {
            super.accept(lastBar);
        }
        out.flush();
    }

    @Override
    public synchronized void close() {
        super.close();
        onBarLine = false;
    }

    /**
     * Leaves the cursor on a fresh line. The library's own close misses it when the bar is closed
     * before its first scheduled refresh ran (its close then only renders).
     */
    synchronized void finish() {
        if (onBarLine) {
            out.println();
            out.flush();
            onBarLine = false;
        }
    }
}
