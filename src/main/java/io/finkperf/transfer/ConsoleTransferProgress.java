package io.finkperf.transfer;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alerts, MB and lag per partition. On a terminal the table is redrawn in place (at most 4 times a
 * second); otherwise (CI logs, pipes) one plain line per batch.
 */
public final class ConsoleTransferProgress implements TransferProgress {

    private final PrintStream out;
    private final boolean terminal;
    private final Map<Integer, long[]> rows = new TreeMap<>(); // alerts, bytes, lag
    private int drawnLines;
    private long lastDraw;

    public ConsoleTransferProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void started(String topic, Map<Integer, Long> start, Map<Integer, Long> end, PartitionBy layout) {
        long lag = 0;
        for (Map.Entry<Integer, Long> e : end.entrySet()) {
            long l = Math.max(0, e.getValue() - start.get(e.getKey()));
            rows.put(e.getKey(), new long[] {0, 0, l});
            lag += l;
        }
        out.printf("transfer: %s, %d partitions, %d alerts to read, layout %s%n", topic, end.size(), lag,
                layout.name().toLowerCase(java.util.Locale.ROOT));
        if (terminal) {
            draw(true);
        }
    }

    @Override
    public synchronized void batchDone(BatchResult b, long lag) {
        long[] row = rows.get(b.partition());
        row[0] += b.alerts();
        row[1] += b.bytes();
        row[2] = lag;
        if (terminal) {
            draw(false);
        } else {
            out.printf("partition %d: +%d alerts (offsets %d-%d), total %d alerts, %.1f MB, lag %d%n", b.partition(), b.alerts(),
                    b.written().first(), b.written().last(), row[0], row[1] / 1e6, lag);
        }
    }

    @Override
    public synchronized void finished(TransferSummary s) {
        if (terminal) {
            draw(true);
        }
        out.printf("transfer: %d alerts, %.1f MB in %d files, %.1f s (%.0f alerts/s, %.1f MB/s), lag left %d -> %s%n",
                s.alerts(), s.bytes() / 1e6, s.files(), s.nanos() / 1e9, s.alertsPerSecond(), s.megabytesPerSecond(),
                s.totalLag(), s.outDir());
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < 250_000_000L) {
            return;
        }
        lastDraw = now;
        StringBuilder b = new StringBuilder();
        if (drawnLines > 0) {
            b.append("\033[").append(drawnLines).append('A');
        }
        b.append(String.format("\033[2K%-10s %10s %10s %10s%n", "partition", "alerts", "MB", "lag"));
        for (Map.Entry<Integer, long[]> e : rows.entrySet()) {
            long[] r = e.getValue();
            b.append(String.format("\033[2K%-10d %10d %10.1f %10d%n", e.getKey(), r[0], r[1] / 1e6, r[2]));
        }
        drawnLines = rows.size() + 1;
        out.print(b);
        out.flush();
    }
}
