package io.finkperf.spark;

import java.util.OptionalLong;
import java.util.function.Function;

/**
 * How to start one Python worker, what to clean up if it has to be killed, and how to find the
 * host pid of its Python process once started (the process itself, or the container's main process).
 */
record WorkerCommand(ProcessBuilder process, Runnable afterKill, Function<Process, OptionalLong> hostPid) {
}
