package io.finkperf.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The modules of one survey, validated, in the broker's order. */
public record ModuleRegistry(String source, String survey, List<ModuleSpec> modules) {

    public ModuleRegistry {
        modules = List.copyOf(modules);
    }

    public Optional<ModuleSpec> find(String name) {
        return modules.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The module that produces a column (its output, or a column the broker derives from it), if any. */
    public Optional<ModuleSpec> producerOf(String column) {
        return modules.stream().filter(m -> m.produces(column)).findFirst();
    }

    /**
     * Resolves {@code --modules}: "all" or a comma-separated list of names, kept in registry
     * order; an unknown name fails naming it and the registry.
     */
    public List<ModuleSpec> select(String selection) {
        if (selection == null || selection.isBlank() || selection.trim().equals("all")) {
            return modules;
        }
        Map<String, ModuleSpec> byName = modules.stream()
                .collect(Collectors.toMap(ModuleSpec::name, Function.identity()));
        Set<String> wanted = new LinkedHashSet<>();
        for (String raw : selection.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!byName.containsKey(name)) {
                throw new RegistryException("unknown module '" + name + "' (not in " + source + "; known: "
                        + String.join(", ", byName.keySet().stream().sorted().toList()) + ")");
            }
            wanted.add(name);
        }
        List<ModuleSpec> out = new ArrayList<>();
        for (ModuleSpec m : modules) {
            if (wanted.contains(m.name())) {
                out.add(m);
            }
        }
        return out;
    }

    public List<String> names() {
        return modules.stream().map(ModuleSpec::name).toList();
    }

    static List<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
