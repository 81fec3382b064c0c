package io.finkperf.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.finkperf.results.FunctionProfile;
import io.finkperf.results.LineStat;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineTableTest {

    @Test
    void rowsKeepTheSourcesIndentationAndBars() {
        FunctionProfile f = LineTable.function("m.py", "f", 1_500, """
                7 | 1 |     0 | def f(x):
                8 | 3 | 1_500 |     return x | 1  # a | b
                """);
        assertEquals(new FunctionProfile("m.py", "f", 7, 1_500, List.of(new LineStat(7, 1, 0, "def f(x):"),
                new LineStat(8, 3, 1_500, "    return x | 1  # a | b"))), f);
    }

    @Test
    void aRowWithoutFourCellsIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LineTable.rows("7 | 1 | def f():"));
        assertEquals("not 'line | hits | ns | source': 7 | 1 | def f():", e.getMessage());
    }
}
