package io.finkperf.results;

/** How a module's run ended. */
public enum ModuleStatus { OK, ERROR, MISSING_PACKAGE, TIMEOUT, OUT_OF_MEMORY, SKIPPED }
