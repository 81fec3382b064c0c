package io.finkperf.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * for a new configuration closes the idle workers of the others.
 */
public final class PythonWorkerPool {

    private static final Map<String, Deque<PooledWorker>> IDLE = new HashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PythonWorkerPool::closeAll, "fink-perf-worker-pool-close"));
    }

    private PythonWorkerPool() {
    }

    static PooledWorker borrow(String key, WorkerCommand start) throws IOException {
        List<PooledWorker> stale = new ArrayList<>();
        PooledWorker idle = null;
        synchronized (IDLE) {
            for (var it = IDLE.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getKey().equals(key)) {
                    stale.addAll(e.getValue());
                    it.remove();
                }
            }
            Deque<PooledWorker> mine = IDLE.get(key);
            while (mine != null && !mine.isEmpty() && idle == null) {
                PooledWorker w = mine.pop();
                if (w.alive()) {
                    idle = w;
                } else {
                    stale.add(w);
                }
            }
        }
        closeInBackground(stale);
        return idle != null ? idle
                : new PooledWorker(start.process(), Files.createTempFile("fink-perf-worker-", ".log"), start.afterKill());
    }

    /** Off the task's clock: a closing worker may take a moment to exit. */
    private static void closeInBackground(List<PooledWorker> workers) {
        if (!workers.isEmpty()) {
            Thread t = new Thread(() -> workers.forEach(PooledWorker::close), "fink-perf-worker-close");
            t.setDaemon(true);
            t.start();
        }
    }

    static void giveBack(String key, PooledWorker w) {
        synchronized (IDLE) {
            IDLE.computeIfAbsent(key, k -> new ArrayDeque<>()).push(w);
        }
    }

    /** Ends every idle worker of this JVM (in local mode: the driver's, between modules and at exit). */
    public static void closeAll() {
        List<PooledWorker> all = new ArrayList<>();
        synchronized (IDLE) {
            IDLE.values().forEach(all::addAll);
            IDLE.clear();
        }
        all.forEach(PooledWorker::close);
    }

    static int idleCount() {
        synchronized (IDLE) {
            return IDLE.values().stream().mapToInt(Deque::size).sum();
        }
    }
}
