package io.finkperf.console;

import io.finkperf.runner.DriverEvent;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One updating bar per run on a terminal: modules done of all, elapsed and ETA (the library's), and
 * what runs now (module i/n, loop j/k) as its message. Stages, finished modules and the modules' own
 * output print as lines above the bar, the same lines as {@link PlainProgress} prints.
 */
final class BarProgress implements ConsoleProgress {

    /** Bar steps per module: a module's measured loops advance it by fractions of one. */
    static final int STEPS = 100;

    /** The steps of a module its measured loops fill; the line profile and energy baseline that follow take the rest. */
    static final int LOOP_STEPS = 90;

    private final LinesAboveBar consumer;
    private final boolean showModuleOutput;
    private final long start = System.nanoTime();
    private ProgressBar bar;
    private int index;
    private int total;

    BarProgress(PrintStream out, boolean showModuleOutput) {
        this(new LinesAboveBar(out, -1), showModuleOutput);
    }

    BarProgress(LinesAboveBar consumer, boolean showModuleOutput) {
        this.consumer = consumer;
        this.showModuleOutput = showModuleOutput;
    }

    @Override
    public synchronized void message(String text) {
        consumer.printAbove(String.format(Locale.ROOT, "%s (elapsed %.1f s)", text, elapsed()));
        if (bar != null) {
            bar.setExtraMessage(" " + text);
        }
    }

    @Override
    public synchronized void moduleStarted(int index, int total, String module, String what) {
        if (bar == null || total != this.total) {
            closeBar();
            bar = new ProgressBarBuilder().setTaskName("modules").setInitialMax((long) total * STEPS)
                    .setUnit("", STEPS).setStyle(ProgressBarStyle.ASCII).setConsumer(consumer)
                    .setUpdateIntervalMillis(250).continuousUpdate().build();
        }
        this.index = index;
        this.total = total;
        bar.stepTo((long) (index - 1) * STEPS);
        bar.setExtraMessage(String.format(Locale.ROOT, " [%d/%d] %s: %s", index, total, module, what));
    }

    @Override
    public synchronized void moduleFinished(int index, int total, String module, String summary) {
        consumer.printAbove(String.format(Locale.ROOT, "[%d/%d] %s: %s (elapsed %.1f s)", index, total, module, summary, elapsed()));
        if (bar != null) {
            bar.stepTo((long) index * STEPS);
        }
    }

    @Override
    public synchronized void onEvent(String module, DriverEvent e) {
        if (bar == null) {
            return;
        }
        if ("loop".equals(e.event())) {
            bar.setExtraMessage(String.format(Locale.ROOT, " [%d/%d] %s: %s loop %d/%d", index, total, module,
                    e.kind(), e.index(), e.total()));
            if (e.isMeasuredLoop() && e.total() > 0) {
                bar.stepTo((long) (index - 1) * STEPS + (long) LOOP_STEPS * Math.min(e.index(), e.total()) / e.total());
            }
        } else if ("phase".equals(e.event())) {
            bar.setExtraMessage(String.format(Locale.ROOT, " [%d/%d] %s: %s", index, total, module, e.kind()));
        }
    }

    @Override
    public synchronized void onLogLine(String module, String line) {
        if (showModuleOutput) {
            consumer.printAbove("  " + module + " | " + line);
        }
    }

    /** Where the bar stands, in {@link #STEPS} per module; -1 before the first module. */
    synchronized long position() {
        return bar == null ? -1 : bar.getCurrent();
    }

    @Override
    public synchronized void close() {
        closeBar();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            consumer.finish();
            bar = null;
        }
    }

    private double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }
}
