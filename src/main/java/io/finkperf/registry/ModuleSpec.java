package io.finkperf.registry;

import java.util.List;

/**
 * One science module as the broker calls it.
 *
 * @param entry     {@code package.module:function}
 * @param packages  Python packages the module needs beyond numpy and pandas (import names)
 * @param files     model or data files the module loads, relative to the science folder
 * @param network   whether the module calls a network service (CDS xMatch, TNS, …)
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
        boolean network) {

    public ModuleSpec {
        args = List.copyOf(args);
        packages = List.copyOf(packages);
        files = List.copyOf(files);
    }

    /** A module that loads no declared files and needs no network. */
    public ModuleSpec(String name, String entry, ModuleType type, CallKind call, List<ModuleArg> args, String output,
                      List<String> packages, String description) {
        this(name, entry, type, call, args, output, packages, description, List.of(), false);
    }

    /** Column arguments, in call order, without literals. */
    public List<String> inputColumns() {
        return args.stream().filter(a -> !a.isLiteral()).map(ModuleArg::column).toList();
    }

    public String modulePath() {
        return entry.substring(0, entry.indexOf(':'));
    }

    public String function() {
        return entry.substring(entry.indexOf(':') + 1);
    }
}
