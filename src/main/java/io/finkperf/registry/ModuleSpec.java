package io.finkperf.registry;

import java.util.List;

/**
 * One science module as the broker calls it.
 *
 * @param entry     {@code package.module:function}
 * @param packages  Python packages the module needs beyond numpy and pandas (import names)
 * @param files     model or data files the module loads, relative to the science folder
 * @param network   whether the module calls a network service (CDS xMatch, TNS, …)
 * @param derived   columns the broker makes of {@code output} (a comma-joined CDS answer split, map
 *                  items renamed) under the names other modules read them by
 */
public record ModuleSpec(
        String name,
        String entry,
        ModuleType type,
        CallKind call,
        List<ModuleArg> args,
        String output,
        List<String> packages,
        String description,
        List<String> files,
        boolean network,
        List<String> derived) {

    public ModuleSpec {
        args = List.copyOf(args);
        packages = List.copyOf(packages);
        files = List.copyOf(files);
        derived = List.copyOf(derived);
    }

    public ModuleSpec(String name, String entry, ModuleType type, CallKind call, List<ModuleArg> args, String output,
                      List<String> packages, String description, List<String> files, boolean network) {
        this(name, entry, type, call, args, output, packages, description, files, network, List.of());
    }

    /** A module that loads no declared files and needs no network. */
    public ModuleSpec(String name, String entry, ModuleType type, CallKind call, List<ModuleArg> args, String output,
                      List<String> packages, String description) {
        this(name, entry, type, call, args, output, packages, description, List.of(), false);
    }

    /**
     * Batch columns of the call, in order, without literals: column names, and for item and
     * array_min arguments their expression text ({@code container[flux]}).
     */
    public List<String> inputColumns() {
        return args.stream().filter(a -> !a.isLiteral()).map(ModuleArg::batchColumn).toList();
    }

    /** The alert or module columns the arguments read (the column under an item or array_min). */
    public List<String> sourceColumns() {
        return args.stream().filter(a -> !a.isLiteral()).map(ModuleArg::column).toList();
    }

    /** Whether the module's output, or a column the broker derives from it, is {@code column}. */
    public boolean produces(String column) {
        return column.equals(output) || derived.contains(column);
    }

    public String modulePath() {
        return entry.substring(0, entry.indexOf(':'));
    }

    public String function() {
        return entry.substring(entry.indexOf(':') + 1);
    }
}
