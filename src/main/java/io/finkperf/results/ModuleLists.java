package io.finkperf.results;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The module lists of the results files, which grow as modules finish. */
final class ModuleLists {

    private ModuleLists() {
    }

    /** {@code modules} with {@code module} last, in place of any earlier entry of the same name. */
    static <T> List<T> replacing(List<T> modules, T module, Function<T, String> name) {
        String key = name.apply(module);
        List<T> more = new ArrayList<>(modules);
        more.removeIf(m -> name.apply(m).equals(key));
        more.add(module);
        return more;
    }
}
