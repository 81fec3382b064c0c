package io.finkperf.compare;

import io.finkperf.runner.WarmFailure;
import io.finkperf.runner.WarmModule;
import java.util.ArrayList;
import java.util.List;

/** One process of a comparison (base, head, or the A/A second base): its calls, or how it failed. */
final class DuelSide implements AutoCloseable {

    final String label;
    final List<Long> wallNs = new ArrayList<>();
    final List<Long> cpuNs = new ArrayList<>();
    WarmModule module;
    WarmFailure failure;
    long firstCallNs = -1;
    long lastWarmupNs = -1;

    DuelSide(String label) {
        this.label = label;
    }

    boolean ok() {
        return module != null && failure == null;
    }

    /** One measured (or warm-up) call; a failure ends this side. */
    void call(boolean measured) {
        if (!ok()) {
            return;
        }
        try {
            WarmModule.Call c = module.call();
            if (firstCallNs < 0) {
                firstCallNs = c.wallNs();
            }
            if (!measured) {
                // CPU time: the wall time of a call on a busy machine counts the neighbours' turns too
                lastWarmupNs = c.cpuNs() > 0 ? c.cpuNs() : c.wallNs();
            } else {
                wallNs.add(c.wallNs());
                cpuNs.add(c.cpuNs());
            }
        } catch (WarmFailure e) {
            failed(e);
        }
    }

    void failed(WarmFailure e) {
        failure = e;
        close();
    }

    String error() {
        return failure == null ? null : label + ": " + failure.kind() + ": " + failure.getMessage();
    }

    @Override
    public void close() {
        if (module != null) {
            module.close();
        }
    }
}
