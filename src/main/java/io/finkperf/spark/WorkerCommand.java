package io.finkperf.spark;

/** How to start one Python worker, and what to clean up if it has to be killed. */
record WorkerCommand(ProcessBuilder process, Runnable afterKill) {
}
