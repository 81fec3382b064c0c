package io.finkperf.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Python workers kept alive across the tasks of one executor JVM, as PySpark reuses its workers
 * ({@code spark.python.worker.reuse}): a task borrows an idle worker of its configuration or starts
 * one, and gives it back when the spec succeeded. Modules run one after the other, so borrowing
 * for a new configuration closes the idle workers of the others. Closing the pool ends its idle
 * workers; a worker given back after that is ended at once. Tasks reach their JVM's pool through
 * {@link ExecutorWorkerPool}.
 */
final class PythonWorkerPool implements AutoCloseable {

    private final Map<String, Deque<PooledWorker>> idle = new HashMap<>();
    private boolean closed;

    PooledWorker borrow(String key, WorkerCommand start) throws IOException {
        List<PooledWorker> stale = new ArrayList<>();
        PooledWorker found = null;
        synchronized (idle) {
            if (closed) {
                throw new IllegalStateException("the Python worker pool of this JVM is closed");
            }
            for (var it = idle.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getKey().equals(key)) {
                    stale.addAll(e.getValue());
                    it.remove();
                }
            }
            Deque<PooledWorker> mine = idle.get(key);
            while (mine != null && !mine.isEmpty() && found == null) {
                PooledWorker w = mine.pop();
                if (w.alive()) {
                    found = w;
                } else {
                    stale.add(w);
                }
            }
        }
        closeInBackground(stale);
        return found != null ? found
                : new PooledWorker(start, Files.createTempFile("fink-perf-worker-", ".log"));
    }

    /** Off the task's clock: a closing worker may take a moment to exit. */
    private static void closeInBackground(List<PooledWorker> workers) {
        if (!workers.isEmpty()) {
            Thread t = new Thread(() -> workers.forEach(PooledWorker::close), "fink-perf-worker-close");
            t.setDaemon(true);
            t.start();
        }
    }

    void giveBack(String key, PooledWorker w) {
        synchronized (idle) {
            if (!closed) {
                idle.computeIfAbsent(key, k -> new ArrayDeque<>()).push(w);
                return;
            }
        }
        w.close();
    }

    int idleCount() {
        synchronized (idle) {
            return idle.values().stream().mapToInt(Deque::size).sum();
        }
    }

    /** Ends every idle worker; workers still running a task end when they are given back. */
    @Override
    public void close() {
        List<PooledWorker> all = new ArrayList<>();
        synchronized (idle) {
            closed = true;
            idle.values().forEach(all::addAll);
            idle.clear();
        }
        all.forEach(PooledWorker::close);
    }
}
