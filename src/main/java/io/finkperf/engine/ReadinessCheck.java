package io.finkperf.engine;

import io.finkperf.registry.CallKind;
import io.finkperf.registry.ModuleArg;
import io.finkperf.registry.ModuleSpec;
import io.finkperf.results.ModuleError;
import io.finkperf.results.ModuleReadiness;
import io.finkperf.results.ModuleReadiness.Verdict;
import io.finkperf.results.ModuleResult;
import io.finkperf.results.ModuleStatus;
import io.finkperf.results.Readiness;
import io.finkperf.runner.ModuleRunner;
import io.finkperf.runner.PackageProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before any module runs: for every module of the plan, every package it imports that the modules'
 * Python lacks (one probe for all, by import spec), every declared file and the entry's own source
 * absent from the science folder, whether it needs the network while offline, and whether fink-perf
 * can call it at all. So a user learns everything that is missing in one go.
 */
public final class ReadinessCheck {

    private ReadinessCheck() {
    }

    public static Readiness check(String registry, List<ModuleSpec> modules, Path scienceDir, ModuleRunner runner,
                                  boolean offline) {
        Set<String> packages = new LinkedHashSet<>();
        modules.stream().filter(m -> notSupported(m) == null).forEach(m -> packages.addAll(m.packages()));
        PackageProbe probe = runner.probePackages(new ArrayList<>(packages));
        List<ModuleReadiness> out = new ArrayList<>();
        for (ModuleSpec m : modules) {
            out.add(of(m, scienceDir, probe, offline));
        }
        return new Readiness(Readiness.SCHEMA, registry, scienceDir.toString(), runner.name(), offline, out);
    }

    static ModuleReadiness of(ModuleSpec m, Path scienceDir, PackageProbe probe, boolean offline) {
        String unsupported = notSupported(m);
        if (unsupported != null) {
            return new ModuleReadiness(m.name(), m.entry(), Verdict.NOT_SUPPORTED, List.of(), List.of(), unsupported);
        }
        List<String> packages = m.packages().stream().filter(probe.missing()::contains).toList();
        List<String> files = new ArrayList<>();
        if (!entrySourceExists(scienceDir, m.modulePath())) {
            files.add(m.modulePath().replace('.', '/') + ".py");
        }
        m.files().stream().filter(f -> !Files.exists(scienceDir.resolve(f))).forEach(files::add);
        boolean needsNetwork = m.network() && offline;
        if (!packages.isEmpty() || !files.isEmpty()) {
            return new ModuleReadiness(m.name(), m.entry(), Verdict.MISSING, packages, files,
                    needsNetwork ? "needs network" : null);
        }
        if (needsNetwork) {
            return new ModuleReadiness(m.name(), m.entry(), Verdict.NEEDS_NETWORK, List.of(), List.of(), "needs network");
        }
        return new ModuleReadiness(m.name(), m.entry(), Verdict.RUNNABLE, List.of(), List.of(), null);
    }

    /** Why fink-perf cannot call the module as the broker does, or null when it can. */
    static String notSupported(ModuleSpec m) {
        if (m.call() == CallKind.DATAFRAME) {
            return "takes a whole Spark DataFrame (native Spark SQL or a UDF made inside it): not timed by fink-perf yet";
        }
        for (ModuleArg a : m.args()) {
            if (a.kind() == ModuleArg.Kind.ITEM || a.kind() == ModuleArg.Kind.ARRAY_MIN) {
                return "argument " + a.batchColumn() + " (" + (a.kind() == ModuleArg.Kind.ITEM ? "F.col().getItem()"
                        : "F.array_min()") + ") is not passed by fink-perf yet";
            }
            if (a.kind() == ModuleArg.Kind.COLUMN && a.column().startsWith("cutout")) {
                return "argument " + a.column() + " is a binary cutout, which fink-perf-batch/1 cannot carry";
            }
        }
        return null;
    }

    /** The result a module that cannot run reports: no samples, no peak RSS, no statistics. */
    static ModuleResult resultOf(ModuleSpec m, ModuleReadiness r, long nRows, Map<String, String> inputs) {
        ModuleStatus status = switch (r.verdict()) {
            case MISSING -> r.missingPackages().isEmpty() ? ModuleStatus.MISSING_FILE : ModuleStatus.MISSING_PACKAGE;
            case NEEDS_NETWORK -> ModuleStatus.NEEDS_NETWORK;
            case NOT_SUPPORTED -> ModuleStatus.SKIPPED;
            case RUNNABLE -> throw new IllegalArgumentException(m.name() + " is runnable");
        };
        String kind = switch (status) {
            case MISSING_PACKAGE -> "missing_package";
            case MISSING_FILE -> "missing_file";
            case NEEDS_NETWORK -> "needs_network";
            default -> "not_supported";
        };
        return ModuleResult.builder(m.name(), m.type().label(), m.entry(), m.output())
                        .failed(status, new ModuleError(kind, null, r.message(), null))
                        .nAlerts(nRows).inputs(inputs).build();
    }

    /** {@code a.b.c} is {@code a/b/c.py} or a package {@code a/b/c/__init__.py} under the science folder. */
    private static boolean entrySourceExists(Path scienceDir, String modulePath) {
        Path base = scienceDir.resolve(modulePath.replace('.', '/'));
        return Files.isRegularFile(base.resolveSibling(base.getFileName() + ".py"))
                || Files.isRegularFile(base.resolve("__init__.py"));
    }
}
