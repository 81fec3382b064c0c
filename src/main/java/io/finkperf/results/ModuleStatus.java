package io.finkperf.results;

/**
 * How a module's run ended. MISSING_FILE: a model or data file it loads is absent; NEEDS_NETWORK: it
 * calls a network service and the run is offline (not run, not a failure); SKIPPED: fink-perf cannot
 * call it (a DataFrame entry, an argument it cannot pass) or an input comes from a skipped module.
 */
public enum ModuleStatus {
    OK, ERROR, MISSING_PACKAGE, MISSING_FILE, TIMEOUT, OUT_OF_MEMORY, NEEDS_NETWORK, SKIPPED;

    /** The module ran and failed: neither done nor deliberately not run (skipped, or offline). */
    public boolean failed() {
        return this != OK && this != SKIPPED && this != NEEDS_NETWORK;
    }
}
