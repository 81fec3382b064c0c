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

    LinesAboveBar(PrintStream out, int maxRenderedLength) {
        super(out, maxRenderedLength);
        this.out = out;
    }

    @Override
    public synchronized void accept(String rendered) {
        lastBar = rendered;
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
    }
}
