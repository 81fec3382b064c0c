package io.finkperf.spark;

/**
 * The {@link PythonWorkerPool} of this JVM, for the tasks Spark runs in it.
 *
 * <p>Why a static holder: Spark serialises each task to whichever executor JVM runs it, and the task
 * API gives it no executor-scoped object, so the only way for the next task of the same executor to
 * find a kept worker is a JVM-wide reference. It is an explicitly closed registry, not a shutdown
 * hook: in local mode (the executor is this JVM) {@link SparkBench} closes it after every module and
 * {@link SparkBenchCluster#close()} at the end; a cluster's executor JVMs end with the application,
 * and a worker whose executor is gone reads end of input on its request pipe and exits
 * ({@code spark_worker --serve} leaves its loop there), in a container too ({@code run -i}).
 */
final class ExecutorWorkerPool {

    private static PythonWorkerPool current;

    private ExecutorWorkerPool() {
    }

    /** This JVM's pool, opened on first use (again after {@link #close()}). */
    static synchronized PythonWorkerPool get() {
        if (current == null) {
            current = new PythonWorkerPool();
        }
        return current;
    }

    /** Ends this JVM's idle workers; the next task opens a new pool. */
    static synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
