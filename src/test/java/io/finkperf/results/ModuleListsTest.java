package io.finkperf.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleListsTest {

    record Entry(String name, int run) {
    }

    @Test
    void aModuleMeasuredAgainReplacesItsEntryAndMovesLast() {
        List<Entry> modules = List.of(new Entry("a", 1), new Entry("b", 1), new Entry("c", 1));
        assertEquals(List.of(new Entry("a", 1), new Entry("c", 1), new Entry("b", 2)),
                ModuleLists.replacing(modules, new Entry("b", 2), Entry::name));
    }

    @Test
    void aNewModuleIsAppendedAndTheListGivenIsLeftAlone() {
        List<Entry> modules = List.of(new Entry("a", 1));
        assertEquals(List.of(new Entry("a", 1), new Entry("d", 1)),
                ModuleLists.replacing(modules, new Entry("d", 1), Entry::name));
        assertEquals(List.of(new Entry("a", 1)), modules);
    }
}
